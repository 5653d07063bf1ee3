using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CounterApp.Web.Tests.Deploy;

/// <summary>
/// The README's first command, run for real: `./build.sh run` installs the run-time packages (skipping what is
/// present), builds, and starts the app where the operator's environment says, not on forced defaults.
/// </summary>
public sealed class BuildScriptTests
{
    [Fact]
    public async Task Run_WhenUrlsAndDataDirectoryAreSet_ServesThereAndKeepsTheDatabaseThere()
    {
        var root = FindRepoRoot();
        var data = Path.Combine(Path.GetTempPath(), "counterapp-tests", "run-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "build.sh"));
        start.ArgumentList.Add("run");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__DataDirectory"] = data;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddMinutes(4);
            HttpStatusCode? status = null;
            while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }

            string printed;
            lock (output)
            {
                printed = output.ToString();
            }

            Assert.True(status == HttpStatusCode.OK, "The sign-in page did not answer on the operator's URL:\n" + printed);
            Assert.Contains($"CounterApp is starting on http://127.0.0.1:{port}", printed, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(data, "counterapp.db")), "The database is not in the operator's data directory.");
            Assert.DoesNotContain("http://localhost:5080", printed, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build.sh")) && File.Exists(Path.Combine(dir.FullName, "CounterApp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("build.sh not found above " + AppContext.BaseDirectory);
    }
}
