using CounterApp.Web.Data;
using CounterApp.Web.Features.DocumentCopies;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.DocumentCopies;

public sealed class DocumentCopyPurgeTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    public async Task Purge_WhenRetentionHasEnded_DeletesTheBytesAndMarksTheCopy(DatabaseProvider provider)
    {
        await using var kit = await DocumentCopyKit.CreateAsync(provider, postgres, options: new DocumentCopyOptions { RetentionDays = 30 });
        using var keys = kit.KeyRing();
        long early, late;
        await using (var db = kit.Database.NewContext())
        {
            early = (await kit.Store(db, keys).StoreAsync(kit.Documents[0], "image/png", DocumentCopyKit.Png, DocumentCopyKit.Staff)).CopyId!.Value;
            kit.Time.Advance(TimeSpan.FromDays(10));
            late = (await kit.Store(db, keys).StoreAsync(kit.Documents[1], "image/jpeg", DocumentCopyKit.Jpeg, DocumentCopyKit.Staff)).CopyId!.Value;
        }

        // Day 30 after storing is still inside retention; the day after is not.
        kit.Time.Advance(TimeSpan.FromDays(20));
        await using (var db = kit.Database.NewContext())
        {
            Assert.Equal(0, await kit.Purge(db).PurgeAsync());
        }

        kit.Time.Advance(TimeSpan.FromDays(1));
        await using (var db = kit.Database.NewContext())
        {
            Assert.Equal(1, await kit.Purge(db).PurgeAsync());
            Assert.Equal(0, await kit.Purge(db).PurgeAsync());
        }

        await using var read = kit.Database.NewContext();
        var copies = await read.DocumentCopies.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(kit.Time.Now.UtcDateTime, copies[0].PurgedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Null(copies[1].PurgedAt);
        Assert.Equal([late], await read.DocumentCopyContents.Select(c => c.DocumentCopyId).ToListAsync());
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.Action == "document-copy.purged" && a.ResidentCode == "16322800101"));

        using var japanese = new RegisterSync.JapaneseUiCulture();
        var view = await kit.Store(read, keys).ViewAsync(early, DocumentCopyKit.Staff, "確認");
        Assert.Equal(DocumentCopyRefusal.Purged, view.Refusal);
        Assert.Contains("令和", view.Message, StringComparison.Ordinal);
        Assert.NotNull((await kit.Store(read, keys).ViewAsync(late, DocumentCopyKit.Staff, "確認")).View);
    }
}
