using CounterApp.Web.Tests.Data.Schema;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>The app started by an operator without a Japanese font: one clear line, never the host's stack trace.</summary>
public sealed class StartupCheckTests
{
    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task Start_WhenTheFontSettingPointsNowhere_StopsWithOneLineNamingTheSettingAndThePackage()
    {
        var data = Path.Combine(Path.GetTempPath(), "counterapp-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output, error) = await AppProcess.RunAsync("--urls=http://127.0.0.1:0", new Dictionary<string, string>
            {
                ["Database__DataDirectory"] = data,
                ["Documents__GothicFontPath"] = "/nonexistent/ipaexg.ttf",
            });

            Assert.Equal(1, exitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("CounterApp cannot start: Documents:GothicFontPath is set to /nonexistent/ipaexg.ttf", line, StringComparison.Ordinal);
            Assert.Contains("fonts-ipaexfont", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
