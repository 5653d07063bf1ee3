using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Web.Tests.Pki;

/// <summary>OpenSSL as the outside verifier, in a scratch folder that is removed afterwards.</summary>
internal sealed class OpenSsl : IDisposable
{
    public OpenSsl() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "counterapp-web-pki-" + Guid.NewGuid().ToString("N")[..12]);

    public string Write(string name, ReadOnlySpan<byte> bytes)
    {
        File.WriteAllBytes(Path.Combine(Folder, name), bytes.ToArray());
        return name;
    }

    public string WritePem(string name, X509Certificate2 certificate)
    {
        File.WriteAllText(Path.Combine(Folder, name), certificate.ExportCertificatePem() + "\n");
        return name;
    }

    public byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    /// <summary>Runs openssl; returns its exit code and everything it printed.</summary>
    public (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start (install the openssl package: ./build.sh test does).");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openssl {string.Join(' ', arguments)} did not finish in 30 s.");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
    }

    /// <summary>Runs openssl and fails the test with its output when it exits non-zero.</summary>
    public string Ok(params string[] arguments)
    {
        var (exitCode, output) = Run(arguments);
        Assert.True(exitCode == 0, $"openssl {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is not a test failure.
        }
    }
}
