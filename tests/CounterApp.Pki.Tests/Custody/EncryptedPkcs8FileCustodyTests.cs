using System.Security.Cryptography;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Custody;

public sealed class EncryptedPkcs8FileCustodyTests
{
    private const string Passphrase = "correct horse battery staple";

    [Fact]
    public void Generate_WhenNewKey_WritesEncryptedPkcs8ThatOpensWithThePassphrase()
    {
        using var folder = new TempFolder();
        using var custody = new EncryptedPkcs8FileCustody(Path.Combine(folder.Path, "keys"), Passphrase, iterations: 1000);

        using var generated = custody.Generate("toyama-ca", 2048);
        using var opened = custody.Open("toyama-ca");

        Assert.NotNull(opened);
        Assert.Equal(generated.ExportSubjectPublicKeyInfo(), opened.ExportSubjectPublicKeyInfo());
        var text = File.ReadAllText(custody.PathOf("toyama-ca"));
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", text);
        Assert.DoesNotContain("BEGIN PRIVATE KEY", text);
        Assert.DoesNotContain("BEGIN RSA PRIVATE KEY", text);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(custody.PathOf("toyama-ca")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(custody.Directory));
        }

        Assert.Empty(Directory.GetFiles(custody.Directory, "*.tmp"));
    }

    [Fact]
    public void Open_WhenPassphraseWrong_RefusesWithoutRevealingEitherPassphrase()
    {
        using var folder = new TempFolder();
        using (var custody = new EncryptedPkcs8FileCustody(folder.Path, Passphrase, iterations: 1000))
        {
            custody.Generate("toyama-ca", 1024).Dispose();
        }

        using var wrong = new EncryptedPkcs8FileCustody(folder.Path, "Tr0ub4dor&3-wrong", iterations: 1000);
        var error = Assert.Throws<KeyCustodyException>(() => wrong.Open("toyama-ca"));

        Assert.Contains("toyama-ca", error.Message);
        Assert.DoesNotContain("Tr0ub4dor", error.ToString());
        Assert.DoesNotContain("horse", error.ToString());
        Assert.DoesNotContain("Tr0ub4dor", wrong.ToString());
    }

    [Fact]
    public void Open_WhenNoKeyKept_ReturnsNull()
    {
        using var folder = new TempFolder();
        using var custody = new EncryptedPkcs8FileCustody(folder.Path, Passphrase);

        Assert.Null(custody.Open("toyama-ca"));
    }

    [Fact]
    public void Generate_WhenKeyIdTaken_RefusesToOverwrite()
    {
        using var folder = new TempFolder();
        using var custody = new EncryptedPkcs8FileCustody(folder.Path, Passphrase, iterations: 1000);
        using var first = custody.Generate("toyama-ca", 1024);

        Assert.Throws<KeyCustodyException>(() => custody.Generate("toyama-ca", 1024));
        using var kept = custody.Open("toyama-ca");
        Assert.Equal(first.ExportSubjectPublicKeyInfo(), kept!.ExportSubjectPublicKeyInfo());
    }

    [Theory]
    [InlineData("../toyama-ca")]
    [InlineData("keys/toyama-ca")]
    [InlineData("Toyama-CA")]
    [InlineData("")]
    [InlineData("-ca")]
    public void PathOf_WhenKeyIdCouldEscapeTheFolder_Refuses(string keyId)
    {
        using var custody = new EncryptedPkcs8FileCustody("/tmp/unused", Passphrase);

        Assert.Throws<ArgumentException>(() => custody.PathOf(keyId));
        Assert.Throws<ArgumentException>(() => new InMemoryKeyCustody().Open(keyId));
    }

    [Fact]
    public void Constructor_WhenPassphraseShort_Refuses()
    {
        Assert.Throws<ArgumentException>(() => new EncryptedPkcs8FileCustody("/tmp/unused", "1234"));
    }

    [Fact]
    public void Generate_WithDefaults_UsesPbes2WithPbkdf2Sha256AndAes256AndOpenSslReadsIt()
    {
        using var folder = new TempFolder();
        using var custody = new EncryptedPkcs8FileCustody(folder.Path, Passphrase);
        using var key = custody.Generate("toyama-ca", 2048);
        var path = custody.PathOf("toyama-ca");

        var structure = Tool.OpenSslOk(folder.Path, "asn1parse", "-in", path);
        Assert.Contains(":PBES2", structure);
        Assert.Contains(":PBKDF2", structure);
        Assert.Contains(":aes-256-cbc", structure);
        Assert.Contains(":hmacWithSHA256", structure);
        Assert.Contains(":0927C0", structure); // 600,000 iterations

        var environment = new Dictionary<string, string> { ["PKI_TEST_PASS"] = Passphrase };
        var read = Tool.Run("openssl", ["pkey", "-in", path, "-passin", "env:PKI_TEST_PASS", "-pubout"], folder.Path, environment);
        Assert.Equal(0, read.ExitCode);
        Assert.Equal(PemEncoding.WriteString("PUBLIC KEY", key.ExportSubjectPublicKeyInfo()).Trim(), read.Output.Trim());

        environment["PKI_TEST_PASS"] = "not the passphrase";
        Assert.NotEqual(0, Tool.Run("openssl", ["pkey", "-in", path, "-passin", "env:PKI_TEST_PASS", "-noout"], folder.Path, environment).ExitCode);
    }
}
