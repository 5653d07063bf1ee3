using System.Security.Cryptography.X509Certificates;
using CounterApp.Card.Client;
using CounterApp.Card.Pcsc;
using CounterApp.Card.Tests.Support;
using CounterApp.VirtualCard;

namespace CounterApp.Card.Tests.RealStack;

/// <summary>
/// OpenSC as the outside client: the card the counter personalised through PC/SC (pcscd + vpcd + the virtual
/// card) is recognised by OpenSC's jpki driver, its certificates read, its key used for signatures that
/// OpenSSL verifies, and its password lock seen — the resident's own software can use what the counter wrote.
/// </summary>
[Collection(PcscdGroup.Name)]
[Trait("Rule", "R-CE-01")]
public sealed class OpenScInteropTests(PcscdFixture pcscd) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("counterapp-opensc-").FullName;
    private readonly TestCa _ca = TestCa.Shared;

    [Fact]
    public async Task Pkcs15Tool_WhenCardPersonalised_RecognisesJpkiAndReadsBothCertificates()
    {
        await using var inReader = await InsertAsync();
        var certificate = await PersonaliseAsync(inReader);

        var name = await ExternalTool.RunAsync(pcscd, "opensc-tool", "--reader", PcscdFixture.Reader0, "--name");
        var list = await OpenSc.Pkcs15Async(pcscd, "--list-certificates");
        var signing = await OpenSc.Pkcs15Async(pcscd, "--verify-pin", "--auth-id", "02", "--pin", TestSecrets.Password, "--read-certificate", OpenSc.SigningCertificateId);
        var ca = await OpenSc.Pkcs15Async(pcscd, "--read-certificate", OpenSc.CaCertificateId);

        Assert.Equal("jpki", name.Output.Trim().Split('\n')[0]);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("Digital Signature Certificate", list.Output);
        Assert.Contains("Path           : 0001", list.Output);
        Assert.Equal(0, signing.ExitCode);
        Assert.Equal(certificate.RawData, X509Certificate2.CreateFromPem(signing.Output).RawData);
        Assert.Equal(0, ca.ExitCode);
        Assert.Equal(_ca.Certificate.RawData, X509Certificate2.CreateFromPem(ca.Output).RawData);
    }

    [Fact]
    public async Task Pkcs15Tool_WhenPasswordNotVerified_CannotReadTheSigningCertificate()
    {
        await using var inReader = await InsertAsync();
        await PersonaliseAsync(inReader);

        var read = await OpenSc.Pkcs15Async(pcscd, "--read-certificate", OpenSc.SigningCertificateId);

        Assert.NotEqual(0, read.ExitCode);
        Assert.DoesNotContain("BEGIN CERTIFICATE", read.Output);
    }

    [Fact]
    public async Task Pkcs11ToolSign_WhenPasswordRight_OpenSslVerifiesWithTheCardCertificate()
    {
        await using var inReader = await InsertAsync();
        await PersonaliseAsync(inReader);
        var data = await WriteAsync("data.txt", "令和8年11月22日 上市町 電子証明書 test"u8.ToArray());

        var sign = await OpenSc.SignAsync(pcscd, TestSecrets.Password, data, Path.Combine(_work, "data.sig"));
        var verified = await VerifyWithCardCertificateAsync(data, Path.Combine(_work, "data.sig"));

        Assert.True(sign.ExitCode == 0, sign.All);
        Assert.True(verified.ExitCode == 0, verified.All);
        Assert.Contains("Verified OK", verified.Output);
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public async Task Pkcs11ToolLogin_WhenFiveWrongPasswords_LocksAndAnUnlockAtTheCounterSetsTheNewPassword()
    {
        await using var inReader = await InsertAsync();
        await PersonaliseAsync(inReader);
        var data = await WriteAsync("data.txt", "after unlock"u8.ToArray());

        var wrong = new List<ExternalTool.Result>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add(await OpenSc.LoginAsync(pcscd, "WRONG" + i + "X"));
        }

        var pins = await OpenSc.Pkcs15Async(pcscd, "--list-pins");
        var locked = await OpenSc.LoginAsync(pcscd, TestSecrets.Password);
        await using (var connection = PcscConnection.Open(inReader.Reader))
        {
            var client = new ResidentCardClient(connection);
            await client.AuthenticateIssuerAsync(TestSecrets.MasterSecret);
            await client.UnlockPasswordAsync(TestSecrets.NewPassword.AsMemory());
        }

        var old = await OpenSc.LoginAsync(pcscd, TestSecrets.Password);
        var sign = await OpenSc.SignAsync(pcscd, TestSecrets.NewPassword, data, Path.Combine(_work, "data.sig"));
        var verified = await VerifyWithCardCertificateAsync(data, Path.Combine(_work, "data.sig"), TestSecrets.NewPassword);

        Assert.All(wrong, r => Assert.Contains("CKR_PIN_INCORRECT", r.All));
        Assert.Matches(@"Digital Signature PIN\][\s\S]*?Tries left\s*:\s*0", pins.Output);
        Assert.Contains("CKR_PIN_LOCKED", locked.All);
        Assert.Contains("CKR_PIN_INCORRECT", old.All);
        Assert.True(sign.ExitCode == 0, sign.All);
        Assert.Contains("Verified OK", verified.Output);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private async Task<CardInReader> InsertAsync() =>
        await CardInReader.InsertAsync(pcscd, VirtualResidentCard.CreateInMemory(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin)));

    private async Task<X509Certificate2> PersonaliseAsync(CardInReader inReader)
    {
        await using var connection = PcscConnection.Open(inReader.Reader);
        return await Personalisation.RunAsync(new ResidentCardClient(connection), _ca, TestSecrets.Password);
    }

    /// <summary>OpenSSL checks the signature with the public key of the certificate OpenSC read from the card.</summary>
    private async Task<ExternalTool.Result> VerifyWithCardCertificateAsync(string data, string signature, string password = TestSecrets.Password)
    {
        var certificatePem = Path.Combine(_work, "card.pem");
        var publicKeyPem = Path.Combine(_work, "card.pub.pem");
        var read = await OpenSc.Pkcs15Async(pcscd, "--verify-pin", "--auth-id", "02", "--pin", password, "--read-certificate", OpenSc.SigningCertificateId, "--output", certificatePem);
        Assert.True(read.ExitCode == 0, read.All);
        var extract = await ExternalTool.RunAsync(pcscd, "openssl", "x509", "-in", certificatePem, "-pubkey", "-noout", "-out", publicKeyPem);
        Assert.True(extract.ExitCode == 0, extract.All);
        return await ExternalTool.RunAsync(pcscd, "openssl", "dgst", "-sha256", "-verify", publicKeyPem, "-signature", signature, data);
    }

    private async Task<string> WriteAsync(string name, byte[] content)
    {
        var path = Path.Combine(_work, name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }
}
