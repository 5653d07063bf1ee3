using System.Net;
using System.Text.Json;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Hosting;

public sealed class HostingTests(CounterAppFactory factory) : IClassFixture<CounterAppFactory>
{
    [Fact]
    public async Task Health_WhenStarted_ReportsSqliteSchemaAndFileInWalMode()
    {
        using var client = factory.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));

        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", json.RootElement.GetProperty("provider").GetString());
        Assert.True(json.RootElement.GetProperty("schemaVersion").GetInt32() >= 1);
        var file = Path.Combine(factory.DataDirectory, "counterapp.db");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Culture_WhenEnglishChosen_ServesEnglishAndBackToJapanese()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        var english = await client.GetAsync(new Uri("/culture/en?redirect=/rules", UriKind.Relative));
        var html = await english.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Eligibility check", html, StringComparison.Ordinal);

        html = await (await client.GetAsync(new Uri("/culture/ja-JP?redirect=/rules", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("受付判定", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_WhenRedirectPointsOffSite_StaysOnTheApp()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/culture/en?redirect=//evil.example/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task NotFound_WhenUnknownPath_Returns404InJapanese()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
