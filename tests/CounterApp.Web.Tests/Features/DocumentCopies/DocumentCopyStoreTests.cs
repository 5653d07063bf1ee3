using System.Globalization;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Features.DocumentCopies;
using CounterApp.Web.Tests.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.DocumentCopies;

public sealed partial class DocumentCopyStoreTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    public async Task Store_ThenView_GivesBackTheBytesWithTheirHashAndRetention(DatabaseProvider provider)
    {
        await using var kit = await DocumentCopyKit.CreateAsync(provider, postgres);
        using var keys = kit.KeyRing();
        long copyId;
        await using (var db = kit.Database.NewContext())
        {
            var stored = await kit.Store(db, keys).StoreAsync(kit.Documents[0], "image/PNG; charset=binary", DocumentCopyKit.Png, DocumentCopyKit.Staff);
            Assert.True(stored.Stored, stored.Message);
            copyId = stored.CopyId!.Value;
        }

        await using (var db = kit.Database.NewContext())
        {
            var viewed = await kit.Store(db, keys).ViewAsync(copyId, "supervisor-1", "本人確認書類の再確認（苦情対応）");
            Assert.Equal(DocumentCopyRefusal.None, viewed.Refusal);
            Assert.Equal(DocumentCopyKit.Png, viewed.View!.Content);
            Assert.Equal("image/png", viewed.View.ContentType);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(DocumentCopyKit.Png)), viewed.View.Sha256);
            Assert.Equal(new DateOnly(2026, 11, 24).AddDays(1825), viewed.View.RetainUntil);
        }

        await using var read = kit.Database.NewContext();
        var copy = await read.DocumentCopies.SingleAsync();
        Assert.Equal((DocumentCopyKit.Png.Length, (DateTime?)null), (copy.Size, copy.PurgedAt));
        var actions = await read.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor, a.ResidentCode }).ToListAsync();
        Assert.Equal(
            [("document-copy.stored", DocumentCopyKit.Staff), ("document-copy.viewed", "supervisor-1")],
            actions.Select(a => (a.Action, a.Actor)));
        Assert.All(actions, a => Assert.Equal("16322800101", a.ResidentCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    public async Task Store_WhenStored_TheRowHoldsNoPlaintext(DatabaseProvider provider)
    {
        await using var kit = await DocumentCopyKit.CreateAsync(provider, postgres);
        using var keys = kit.KeyRing();
        await using (var db = kit.Database.NewContext())
        {
            Assert.True((await kit.Store(db, keys).StoreAsync(kit.Documents[0], "image/png", DocumentCopyKit.Png, DocumentCopyKit.Staff)).Stored);
        }

        await using var read = kit.Database.NewContext();
        var content = await read.DocumentCopyContents.AsNoTracking().SingleAsync();
        Assert.Equal(DocumentCopyKit.Png.Length, content.Ciphertext.Length);
        Assert.Equal((12, 16), (content.Nonce.Length, content.Tag.Length));
        Assert.Equal(keys.KeyId, content.KeyId);
        Assert.Equal(-1, content.Ciphertext.AsSpan().IndexOf("SECRET-PLAINTEXT-MARKER"u8));
        Assert.Equal(-1, content.Ciphertext.AsSpan().IndexOf(DocumentCopyKit.Png.AsSpan(0, 8)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    public async Task View_WhenCiphertextTagOrBindingWasAltered_RefusesAndAuditsTheAttempt(DatabaseProvider provider)
    {
        using var japanese = new JapaneseUiCulture();
        await using var kit = await DocumentCopyKit.CreateAsync(provider, postgres);
        using var keys = kit.KeyRing();
        long first, second;
        await using (var db = kit.Database.NewContext())
        {
            var store = kit.Store(db, keys);
            first = (await store.StoreAsync(kit.Documents[0], "image/png", DocumentCopyKit.Png, DocumentCopyKit.Staff)).CopyId!.Value;
            second = (await store.StoreAsync(kit.Documents[1], "image/png", DocumentCopyKit.Png, DocumentCopyKit.Staff)).CopyId!.Value;
        }

        await using (var db = kit.Database.NewContext())
        {
            // One flipped bit in the first copy; the second copy's bytes replaced by the first's (a swap between rows).
            var a = await db.DocumentCopyContents.SingleAsync(c => c.DocumentCopyId == first);
            var b = await db.DocumentCopyContents.SingleAsync(c => c.DocumentCopyId == second);
            (b.Nonce, b.Ciphertext, b.Tag) = (a.Nonce.ToArray(), a.Ciphertext.ToArray(), a.Tag.ToArray());
            var flipped = a.Ciphertext.ToArray();
            flipped[5] ^= 0x01;
            a.Ciphertext = flipped;
            await db.SaveChangesAsync();
        }

        await using (var db = kit.Database.NewContext())
        {
            var store = kit.Store(db, keys);
            var tampered = await store.ViewAsync(first, DocumentCopyKit.Staff, "確認");
            var swapped = await store.ViewAsync(second, DocumentCopyKit.Staff, "確認");
            Assert.Equal((DocumentCopyRefusal.Tampered, (DocumentCopyView?)null), (tampered.Refusal, tampered.View));
            Assert.Equal(DocumentCopyRefusal.Tampered, swapped.Refusal);
            Assert.Contains("改ざん", tampered.Message, StringComparison.Ordinal);
        }

        await using var read = kit.Database.NewContext();
        Assert.Equal(0, await read.DocumentCopyAccesses.CountAsync());
        Assert.Equal(2, await read.AuditEntries.CountAsync(a => a.Action == "document-copy.view-refused" && a.Outcome == "failed"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    public async Task View_EveryViewIsLoggedWithWhoAndWhy_AndNoPurposeMeansNoView(DatabaseProvider provider)
    {
        using var japanese = new JapaneseUiCulture();
        await using var kit = await DocumentCopyKit.CreateAsync(provider, postgres);
        using var keys = kit.KeyRing();
        await using var db = kit.Database.NewContext();
        var store = kit.Store(db, keys);
        var copy = (await store.StoreAsync(kit.Documents[0], "application/pdf", DocumentCopyKit.Pdf, DocumentCopyKit.Staff)).CopyId!.Value;

        var noPurpose = await store.ViewAsync(copy, DocumentCopyKit.Staff, "   ");
        var noStaff = await store.ViewAsync(copy, " ", "確認");
        var tooLong = await store.ViewAsync(copy, DocumentCopyKit.Staff, new string('目', DocumentCopyStore.PurposeMaxLength + 1));
        var missing = await store.ViewAsync(copy + 1000, DocumentCopyKit.Staff, "確認");
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull((await store.ViewAsync(copy, "staff-" + i.ToString(CultureInfo.InvariantCulture), "監査 " + i.ToString(CultureInfo.InvariantCulture))).View);
        }

        Assert.Equal(
            [DocumentCopyRefusal.PurposeRequired, DocumentCopyRefusal.StaffRequired, DocumentCopyRefusal.PurposeTooLong, DocumentCopyRefusal.CopyNotFound],
            new[] { noPurpose, noStaff, tooLong, missing }.Select(r => r.Refusal));
        Assert.Contains("閲覧目的", noPurpose.Message, StringComparison.Ordinal);
        var accesses = await db.DocumentCopyAccesses.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([("staff-0", "監査 0"), ("staff-1", "監査 1"), ("staff-2", "監査 2")], accesses.Select(a => (a.StaffId, a.Purpose)));
        Assert.All(accesses, a => Assert.Equal(copy, a.DocumentCopyId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    [Trait("Rule", "R-X-03")]
    public async Task Store_WhenTypeSizeOrContentIsWrong_RefusesInJapaneseAndStoresNothing(DatabaseProvider provider)
    {
        using var japanese = new JapaneseUiCulture();
        await using var kit = await DocumentCopyKit.CreateAsync(provider, postgres, options: new DocumentCopyOptions { MaxBytes = 64 });
        using var keys = kit.KeyRing();
        await using var db = kit.Database.NewContext();
        var store = kit.Store(db, keys);
        var document = kit.Documents[0];

        var results = new[]
        {
            await store.StoreAsync(document, "image/gif", "GIF89a"u8.ToArray(), DocumentCopyKit.Staff),
            await store.StoreAsync(document, null, DocumentCopyKit.Png, DocumentCopyKit.Staff),
            await store.StoreAsync(document, "image/jpeg", DocumentCopyKit.Png, DocumentCopyKit.Staff),
            await store.StoreAsync(document, "application/pdf", "<script>alert(1)</script>"u8.ToArray(), DocumentCopyKit.Staff),
            await store.StoreAsync(document, "image/png", [.. DocumentCopyKit.Png, .. new byte[64]], DocumentCopyKit.Staff),
            await store.StoreAsync(document, "image/png", [], DocumentCopyKit.Staff),
            await store.StoreAsync(document + 1000, "image/png", DocumentCopyKit.Png, DocumentCopyKit.Staff),
            await store.StoreAsync(document, "image/png", DocumentCopyKit.Png, ""),
        };

        Assert.Equal(
            [DocumentCopyRefusal.ContentTypeNotAllowed, DocumentCopyRefusal.ContentTypeNotAllowed, DocumentCopyRefusal.ContentDoesNotMatchType,
             DocumentCopyRefusal.ContentDoesNotMatchType, DocumentCopyRefusal.TooLarge, DocumentCopyRefusal.Empty, DocumentCopyRefusal.DocumentNotFound,
             DocumentCopyRefusal.StaffRequired],
            results.Select(r => r.Refusal));
        Assert.All(results, r => Assert.Matches(Japanese(), r.Message!));
        Assert.Contains("64", results[4].Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.DocumentCopies.CountAsync());

        Assert.True((await store.StoreAsync(document, "image/jpeg", DocumentCopyKit.Jpeg, DocumentCopyKit.Staff)).Stored);
        Assert.Equal(DocumentCopyRefusal.AlreadyCopied, (await store.StoreAsync(document, "image/jpeg", DocumentCopyKit.Jpeg, DocumentCopyKit.Staff)).Refusal);
    }

    [Fact]
    public void Messages_EveryJapaneseKeyHasAnEnglishTextWithTheSamePlaceholders()
    {
        var keys = DocumentCopyMessages.Catalog.Keys();
        Assert.Equal(Enum.GetNames<DocumentCopyRefusal>().Where(n => n != "None").Order(StringComparer.Ordinal), keys);
        foreach (var key in keys)
        {
            var english = DocumentCopyMessages.Catalog.EnglishOrNull(key);
            Assert.True(english is not null, $"DocumentCopyMessages.en.resx lacks {key}.");
        }
    }

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}
