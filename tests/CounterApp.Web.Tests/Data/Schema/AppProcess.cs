using System.Diagnostics;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>
/// The built app run as an operator runs it: `dotnet CounterApp.Web.dll &lt;command&gt;`. The build copies the web
/// project's dll, its runtimeconfig and db/ next to the test assembly, so that copy is the one run.
/// </summary>
internal static class AppProcess
{
    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "CounterApp.Web.dll");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string command, IReadOnlyDictionary<string, string> environment)
    {
        Assert.True(File.Exists(AppDll), $"The built app is not next to the tests: {AppDll}");
        var start = new ProcessStartInfo
        {
            // dotnet test sets DOTNET_HOST_PATH to the host that runs it; use the same one.
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll);
        start.ArgumentList.Add(command);

        // Nothing from the test run's own environment may choose the database.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
