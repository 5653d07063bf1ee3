using System.Net;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.AuditViewer;

/// <summary>「チェーンを検証」 on /supervisor/audit checks the keyed checkpoints too and names what it found in Japanese.</summary>
public sealed class AuditViewerCheckpointPageTests
{
    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Verify_WhenIntactThenTheTailIsCutAfterACheckpoint_NamesTheCheckpointThenTheCutInJapanese()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);
        long head;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            head = (await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().CheckpointIfMovedAsync())!.HeadId;
        }

        var (_, intact) = await FormPoster.PostAsync(client, "/supervisor/audit", "verify-audit", new Dictionary<string, string>());
        Assert.Contains("id=\"verify-ok\"", intact, StringComparison.Ordinal);
        Assert.Contains($"最後のチェックポイント #1（令和8年(2026年)11月24日 10:00）は記録 #{head} までの{head}件を保証しています", intact, StringComparison.Ordinal);

        // Behind the triggers, as someone with the database file would: the newest rows go.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "counterapp.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP TRIGGER audit_entries_no_delete; DELETE FROM audit_entries WHERE id >= {head - 1};";
            await command.ExecuteNonQueryAsync();
        }

        var (response, html) = await FormPoster.PostAsync(client, "/supervisor/audit", "verify-audit", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"verify-broken\"", html, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"TailCut\"", html, StringComparison.Ordinal);
        Assert.Contains(
            $"ログの末尾が削除されています：ログは記録 #{head - 2} で終わっていますが、チェックポイント #1（令和8年(2026年)11月24日 10:00）は記録 #{head} までの{head}件を保証しています。記録 #{head - 1}〜#{head} が削除されました。",
            html,
            StringComparison.Ordinal);
    }
}
