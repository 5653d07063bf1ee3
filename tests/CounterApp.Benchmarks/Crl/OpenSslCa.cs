using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Benchmarks.Support;

namespace CounterApp.Benchmarks.Crl;

/// <summary>
/// An <c>openssl ca</c> directory for the same CA: its certificate, its key (exported to unencrypted PEM, so OpenSSL
/// spends no time on the passphrase), an index.txt of the revoked entries and a CRL number. Its CRLs carry what the
/// CA's do: v2, CRL number, AKI (key id), sha256WithRSAEncryption, nextUpdate 24 h after thisUpdate.
/// </summary>
internal sealed class OpenSslCa
{
    private readonly TempFolder _folder;

    public OpenSslCa(TempFolder folder, X509Certificate2 certificate, string keyPem)
    {
        _folder = folder;
        File.WriteAllText(folder.File("ca.pem"), certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(folder.File("ca.key"), keyPem + "\n");
        File.WriteAllText(folder.File("index.txt"), string.Empty);
        File.WriteAllText(folder.File("index.txt.attr"), "unique_subject = no\n");
        File.WriteAllText(folder.File("crlnumber"), "01\n");
        File.WriteAllText(
            folder.File("openssl.cnf"),
            $"""
            [ ca ]
            default_ca = toyama

            [ toyama ]
            dir               = {folder.Path}
            database          = $dir/index.txt
            crlnumber         = $dir/crlnumber
            certificate       = $dir/ca.pem
            private_key       = $dir/ca.key
            new_certs_dir     = $dir
            serial            = $dir/serial
            unique_subject    = no
            default_md        = sha256
            default_crl_hours = 24
            crl_extensions    = crl_ext
            policy            = policy_any

            [ policy_any ]
            commonName = supplied

            [ crl_ext ]
            authorityKeyIdentifier = keyid:always

            """);
    }

    public string IndexFile => _folder.File("index.txt");

    /// <summary><c>taskset -c N openssl ca -gencrl</c>: its CPU time (user + system, from the kernel) and wall time.</summary>
    public Tool.Result GenerateCrl(int cpu)
    {
        var output = _folder.File("openssl.crl.pem");
        return Tool.RunPinnedOk(
            cpu,
            "openssl",
            ["ca", "-gencrl", "-config", _folder.File("openssl.cnf"), "-out", output, "-batch"],
            TimeSpan.FromMinutes(20),
            _folder.Path);
    }

    /// <summary>The DER of the last CRL OpenSSL wrote (it writes PEM only).</summary>
    public byte[] LastCrlDer()
    {
        var pem = File.ReadAllText(_folder.File("openssl.crl.pem"));
        var fields = System.Security.Cryptography.PemEncoding.Find(pem);
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }

    public static string Describe(Tool.Result result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Cpu.TotalSeconds:0.000} CPU-s ({result.Wall.TotalSeconds:0.000} s wall)");
}
