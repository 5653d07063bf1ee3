using System.Security.Cryptography;
using System.Text;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Data.Audit;

/// <summary>
/// R-X-01: the keyed checkpoints anchor the chain, so what the chain alone cannot show is found and named: a cut end,
/// a chain rewritten with recomputed hashes, a forged, edited or deleted checkpoint.
/// </summary>
public sealed class AuditCheckpointTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenIntactWithCheckpoints_NamesTheHeadAndTheLastCheckpoint(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 5);
        await CheckpointAsync(database);
        await AppendAsync(database, 2);

        var result = await VerifyAsync(database);

        Assert.True(result.Intact, result.Summary);
        Assert.Equal((7L, 7L, 1L, 1L, 5L), (result.Count, result.HeadId, result.CheckpointsVerified, result.LastCheckpoint!.Id, result.LastCheckpoint.HeadId));
        Assert.StartsWith("7 entries, chain intact, head #7 ", result.Summary, StringComparison.Ordinal);
        Assert.EndsWith("; 1 checkpoint verified, the last #1 at 2026-11-24T01:00:00Z covers entry #5 (2 newer entries not yet checkpointed)", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenLastRowsDeletedAfterACheckpoint_NamesTheCutTail(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 5);
        await CheckpointAsync(database);
        await AuditTamper.ExecuteAsync(database, "DELETE FROM audit_entries WHERE id >= 4");

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(AuditFindingKind.TailCut, finding.Kind);
        Assert.Equal(4, result.BrokenEntryId);
        Assert.Equal(
            "the log ends at entry #3, but checkpoint #1 (2026-11-24T01:00:00Z) covers 5 entries up to entry #5: entries #4 to #5 were deleted (the end of the log was cut)",
            result.Summary);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenChainRewrittenWithRecomputedHashes_NamesTheRewrittenRange(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 5);
        await CheckpointAsync(database);
        await AppendAsync(database, 3);
        await CheckpointAsync(database);
        await RewriteAsync(database, fromId: 7, actor: "someone else");

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(AuditFindingKind.ChainRewritten, finding.Kind);
        Assert.Equal((6L, 2L), (finding.EntryId, finding.CheckpointId));
        Assert.Equal(
            "entry #8 no longer has the hash checkpoint #2 (2026-11-24T01:00:00Z) recorded: the chain was rewritten with recomputed hashes (within entries #6 to #8)",
            result.Summary);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenACheckpointIsEditedToHideACut_NamesItForged(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 5);
        await CheckpointAsync(database);
        string hash3;
        await using (var db = database.NewContext())
        {
            hash3 = (await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == 3)).Hash;
        }

        await AuditTamper.ExecuteAsync(database, $"DELETE FROM audit_entries WHERE id >= 4; UPDATE audit_checkpoints SET head_id = 3, head_hash = '{hash3}', entry_count = 3 WHERE id = 1");

        var result = await VerifyAsync(database);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(AuditFindingKind.CheckpointForged, finding.Kind);
        Assert.Equal("checkpoint #1 was forged or edited (its HMAC does not verify with the checkpoint key)", result.Summary);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenACheckpointIsForgedWithAnotherKey_NamesItForged(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 5);
        await CheckpointAsync(database);
        await AppendAsync(database, 1);
        await RewriteAsync(database, fromId: 2, actor: "someone else");
        await using (var db = database.NewContext())
        {
            // The attacker knows the scheme and the key id (both are public), not the key.
            var head = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == 6);
            var real = await db.AuditCheckpoints.AsNoTracking().SingleAsync();
            var forged = new AuditCheckpoint { Id = 2, At = real.At, HeadId = 6, HeadHash = head.Hash, EntryCount = 6, Reason = AuditCheckpoints.Scheduled, KeyId = real.KeyId, Mac = string.Empty };
            forged.Mac = Convert.ToHexStringLower(HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.UTF8.GetBytes(forged.HeadHash)));
            await AuditTamper.ExecuteAsync(database, $"DELETE FROM audit_checkpoints WHERE id = 1; INSERT INTO audit_checkpoints (id, at, head_id, head_hash, entry_count, reason, key_id, mac) VALUES (1, '{Sql(real.At, provider)}', 6, '{head.Hash}', 6, 'scheduled', '{real.KeyId}', '{forged.Mac}')");
        }

        var result = await VerifyAsync(database);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((AuditFindingKind.CheckpointForged, 1L), (finding.Kind, finding.CheckpointId));
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenACheckpointIsDeleted_NamesTheGap(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 2);
        for (var i = 0; i < 3; i++)
        {
            await CheckpointAsync(database);
            await AppendAsync(database, 1);
        }

        await AuditTamper.ExecuteAsync(database, "DELETE FROM audit_checkpoints WHERE id = 2");

        var result = await VerifyAsync(database);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(AuditFindingKind.CheckpointMissing, finding.Kind);
        Assert.Equal("checkpoint #2 is missing (the checkpoints go from #1 to #3): checkpoints were deleted", result.Summary);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenTheLastCheckpointOfAnAnchoredEntryIsDeleted_NamesIt(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 3);
        await CheckpointAsync(database);
        await using (var db = database.NewContext())
        {
            await AuditKeys.Checkpoints(db, database, new FixedTimeProvider(Now))
                .AppendAndCheckpointAsync(new AuditEvent { Actor = "supervisor", Action = "ledger.day-closed", Outcome = AuditOutcomes.Succeeded }, AuditCheckpoints.DayClose);
        }

        await AppendAsync(database, 1);
        await AuditTamper.ExecuteAsync(database, "DELETE FROM audit_checkpoints WHERE id = 2");

        var result = await VerifyAsync(database);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(AuditFindingKind.NamedCheckpointMissing, finding.Kind);
        Assert.Equal("checkpoint #2, named by entry #4, is missing (the last is #1): checkpoints were deleted", result.Summary);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CheckpointIfMovedAsync_WhenTheHeadMovedOrNot_WritesOnlyWhenItMovedWithAPrivateKeyFile(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 2);

        var first = await CheckpointAsync(database);
        var again = await CheckpointAsync(database);
        await AppendAsync(database, 1);
        var moved = await CheckpointAsync(database);

        Assert.Equal((1L, 2L, 2L), (first!.Id, first.HeadId, first.EntryCount));
        Assert.Null(again);
        Assert.Equal((2L, 3L), (moved!.Id, moved.HeadId));
        var keyFile = AuditKeys.For(database).KeyFile;
        Assert.Equal(Path.Combine(database.Options.DataDirectory, "keys", "audit-checkpoints.key"), keyFile);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        Assert.Equal(32, Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Length);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.AuditCheckpoints.CountAsync());
        Assert.Throws<Microsoft.EntityFrameworkCore.DbUpdateException>(() =>
        {
            db.AuditCheckpoints.Remove(db.AuditCheckpoints.First());
            db.SaveChanges();
        });
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InitializeAsync_WhenTheKeyFileIsLostButCheckpointsExist_RefusesAndVerifyNamesTheMissingKey(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 2);
        await CheckpointAsync(database);
        File.Delete(AuditKeys.For(database).KeyFile);

        await using var db = database.NewContext();
        var refused = await Assert.ThrowsAsync<AuditCheckpointKeyException>(() => AuditKeys.For(database).InitializeAsync(db));
        var result = await VerifyAsync(database);

        Assert.Contains("is missing, but the database holds checkpoints up to #1", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(AuditKeys.For(database).KeyFile));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(AuditFindingKind.CheckpointKeyMissing, finding.Kind);
        Assert.StartsWith("checkpoint #1 cannot be verified: the checkpoint key file ", result.Summary, StringComparison.Ordinal);
    }

    private static AuditEvent Event(string action) => new() { Actor = "tester", Action = action, Outcome = AuditOutcomes.Succeeded };

    private static string Sql(DateTime at, DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? at.ToString("yyyy-MM-dd HH:mm:ss.ffffff+00", System.Globalization.CultureInfo.InvariantCulture) : at.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<TestDatabase> SeededAsync(DatabaseProvider provider, int count)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await AppendAsync(database, count);
        return database;
    }

    private static async Task AppendAsync(TestDatabase database, int count)
    {
        await using var db = database.NewContext();
        var trail = new AuditTrail(db, new FixedTimeProvider(Now));
        for (var i = 0; i < count; i++)
        {
            await trail.AppendAsync(Event($"action{i}"));
        }
    }

    private static async Task<AuditCheckpoint?> CheckpointAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await AuditKeys.Checkpoints(db, database, new FixedTimeProvider(Now)).CheckpointIfMovedAsync();
    }

    /// <summary>Edits entry <paramref name="fromId"/> and recomputes every hash after it: a chain that verifies on its own.</summary>
    private static async Task RewriteAsync(TestDatabase database, long fromId, string actor)
    {
        await using var db = database.NewContext();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Id >= fromId - 1).OrderBy(a => a.Id).ToListAsync();
        var previous = rows[0].Id == fromId ? AuditChain.Genesis : rows[0].Hash;
        var sql = new StringBuilder();
        foreach (var row in rows.Where(r => r.Id >= fromId))
        {
            if (row.Id == fromId)
            {
                row.Actor = actor;
            }

            row.PreviousHash = previous;
            row.Hash = AuditChain.ComputeHash(row);
            previous = row.Hash;
            sql.Append($"UPDATE audit_entries SET actor = '{row.Actor}', previous_hash = '{row.PreviousHash}', hash = '{row.Hash}' WHERE id = {row.Id};");
        }

        await AuditTamper.ExecuteAsync(database, sql.ToString());
        Assert.True((await new AuditVerifier(db).VerifyAsync()).Findings.All(f => f.Kind != AuditFindingKind.EntryAltered && f.Kind != AuditFindingKind.EntryNotChained));
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new AuditVerifier(db, AuditKeys.For(database)).VerifyAsync();
    }
}
