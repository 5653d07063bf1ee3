using System.Diagnostics;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Data.Audit;

public sealed class VerifyAuditCommandTests(PostgresServer postgres)
{
    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task VerifyAudit_WhenRunAsAProcess_ExitsZeroThenNonZeroAfterTampering()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using (var db = database.NewContext())
        {
            var trail = new AuditTrail(db, TimeProvider.System);
            for (var i = 0; i < 3; i++)
            {
                await trail.AppendAsync(new AuditEvent { Actor = "clerk", Action = $"action{i}", Outcome = AuditOutcomes.Succeeded });
            }
        }

        var intact = await RunAsync(database);
        Assert.True(intact.ExitCode == 0, intact.Output + intact.Error);
        Assert.Contains("verify-audit: 3 entries, chain intact", intact.Output);

        await AuditTamper.ExecuteAsync(database, "UPDATE audit_entries SET actor = 'someone else' WHERE id = 2");
        var tampered = await RunAsync(database);

        Assert.NotEqual(0, tampered.ExitCode);
        Assert.Contains("verify-audit: entry #2 was altered (its hash does not match its contents)", tampered.Error);
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task VerifyAudit_WhenTheTailIsCutAfterACheckpoint_ExitsNonZeroNamingTheCut()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using (var db = database.NewContext())
        {
            var trail = new AuditTrail(db, TimeProvider.System);
            for (var i = 0; i < 4; i++)
            {
                await trail.AppendAsync(new AuditEvent { Actor = "clerk", Action = $"action{i}", Outcome = AuditOutcomes.Succeeded });
            }

            await AuditKeys.Checkpoints(db, database, TimeProvider.System).CheckpointIfMovedAsync();
        }

        var intact = await RunAsync(database);
        Assert.True(intact.ExitCode == 0, intact.Output + intact.Error);
        Assert.Contains("verify-audit: 4 entries, chain intact, head #4 ", intact.Output);
        Assert.Contains("; 1 checkpoint verified, the last #1 at ", intact.Output);

        // Deleting the newest rows left a chain that verified on its own ("2 entries, chain intact").
        await AuditTamper.ExecuteAsync(database, "DELETE FROM audit_entries WHERE id >= 3");
        var cut = await RunAsync(database);

        Assert.NotEqual(0, cut.ExitCode);
        Assert.DoesNotContain("chain intact", cut.Output, StringComparison.Ordinal);
        var line = Assert.Single(cut.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("verify-audit:", StringComparison.Ordinal));
        Assert.StartsWith("verify-audit: the log ends at entry #2, but checkpoint #1 (", line, StringComparison.Ordinal);
        Assert.EndsWith("covers 4 entries up to entry #4: entries #3 to #4 were deleted (the end of the log was cut)", line.TrimEnd(), StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = database.Options.DataDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CounterApp.Web.dll"));
        start.ArgumentList.Add("verify-audit");
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__DataDirectory"] = database.Options.DataDirectory;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
