using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Pki.Tests.Support;

/// <summary>A scratch folder for files handed to outside tools, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "counterapp-pki-" + Guid.NewGuid().ToString("N")[..12]);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, ReadOnlySpan<byte> bytes)
    {
        System.IO.File.WriteAllBytes(File(name), bytes.ToArray());
        return File(name);
    }

    public string WritePem(string name, X509Certificate2 certificate)
    {
        System.IO.File.WriteAllText(File(name), certificate.ExportCertificatePem() + "\n");
        return File(name);
    }

    public string WritePem(string name, params X509Certificate2[] certificates)
    {
        System.IO.File.WriteAllText(File(name), string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n")));
        return File(name);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is not a test failure.
        }
    }
}
