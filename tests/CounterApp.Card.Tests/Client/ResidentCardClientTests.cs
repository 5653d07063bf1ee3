using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Card.Apdu;
using CounterApp.Card.Client;
using CounterApp.Card.Connection;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;
using CounterApp.VirtualCard;
using CounterApp.VirtualCard.InProcess;

namespace CounterApp.Card.Tests.Client;

/// <summary>The server's card client driving the in-process card through the counter's procedures.</summary>
public sealed class ResidentCardClientTests : IAsyncLifetime
{
    private readonly VirtualCardReader _reader = new();
    private readonly TestCa _ca = TestCa.Shared;
    private readonly VirtualResidentCard _card = VirtualResidentCard.CreateInMemory(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin));
    private ISmartCardConnection _connection = null!;
    private ResidentCardClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _card.KeyGenerator = TestKeys.Next;
        _reader.Insert(_card);
        _connection = _reader.Connect();
        _client = new ResidentCardClient(_connection);
        return ValueTask.CompletedTask;
    }

    [Fact]
    [Trait("Rule", "R-CE-01")]
    public async Task Issuance_WhenEveryStepRuns_CardHoldsItsKeyTheCertificatesAndThePassword()
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        Assert.True((await _client.VerifyCardPinAsync(TestSecrets.CardPin.AsMemory())).IsVerified);
        await _client.AuthenticateIssuerAsync(TestSecrets.MasterSecret);
        var publicKey = await _client.GenerateKeyPairAsync();
        using var certificate = _ca.Issue(publicKey.ToSubjectPublicKeyInfo());
        await _client.WriteSigningCertificateAsync(certificate.RawData);
        await _client.WriteCaCertificateAsync(_ca.Certificate.RawData);
        await _client.SetInitialPasswordAsync(TestSecrets.Password.AsMemory());

        Assert.Equal(new CredentialStatus(CredentialOutcome.Available, 5), await _client.GetPasswordStatusAsync());
        Assert.True((await _client.VerifyPasswordAsync(TestSecrets.Password.AsMemory())).IsVerified);
        Assert.Equal(certificate.RawData, await _client.ReadSigningCertificateAsync());
        Assert.Equal(_ca.Certificate.RawData, await _client.ReadCaCertificateAsync());
        Assert.Equal(publicKey.Modulus, (await _client.ReadPublicKeyAsync())!.Modulus);
        var signature = await _client.SignDigestInfoAsync(DigestInfo.Create(HashAlgorithmName.SHA256, SHA256.HashData("x"u8)));
        using var rsa = certificate.GetRSAPublicKey()!;
        Assert.True(rsa.VerifyData("x"u8, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task ReadSerial_WhenAsked_IsTheCardsSerial()
    {
        Assert.Equal(_card.Serial, await _client.ReadSerialAsync());
    }

    [Fact]
    public async Task Status_WhenNothingIssuedYet_ReportsNoPasswordNoKeyNoCertificate()
    {
        Assert.Equal(CredentialOutcome.NotSet, (await _client.GetPasswordStatusAsync()).Outcome);
        Assert.Equal(new CredentialStatus(CredentialOutcome.Available, 3), await _client.GetCardPinStatusAsync());
        Assert.Null(await _client.ReadPublicKeyAsync());
        Assert.Null(await _client.ReadCaCertificateAsync());
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public async Task VerifyPassword_WhenFiveWrong_ReportsTheCountdownThenBlocked()
    {
        await IssueAsync();

        var results = new List<CredentialStatus>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await _client.VerifyPasswordAsync("WRONG9".AsMemory()));
        }

        Assert.Equal([4, 3, 2, 1, 0, 0], results.Select(r => r.TriesLeft));
        Assert.Equal(CredentialOutcome.Wrong, results[0].Outcome);
        Assert.All(results.Skip(4), r => Assert.Equal(CredentialOutcome.Blocked, r.Outcome));
        Assert.True((await _client.GetPasswordStatusAsync()).IsBlocked);
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public async Task UnlockPassword_WhenLocked_ResetsThePasswordToTheNewOne()
    {
        await IssueAsync();
        for (var i = 0; i < 5; i++)
        {
            await _client.VerifyPasswordAsync("WRONG9".AsMemory());
        }

        await _client.AuthenticateIssuerAsync(TestSecrets.MasterSecret);
        await _client.UnlockPasswordAsync(TestSecrets.NewPassword.AsMemory());

        Assert.True((await _client.VerifyPasswordAsync(TestSecrets.NewPassword.AsMemory())).IsVerified);
        Assert.Equal(CredentialOutcome.Wrong, (await _client.VerifyPasswordAsync(TestSecrets.Password.AsMemory())).Outcome);
    }

    [Fact]
    [Trait("Rule", "R-CA-02")]
    public async Task ChangePassword_WhenOldOneRight_ChangesIt()
    {
        await IssueAsync();

        var result = await _client.ChangePasswordAsync(TestSecrets.Password.AsMemory(), TestSecrets.NewPassword.AsMemory());

        Assert.True(result.IsVerified);
        Assert.True((await _client.VerifyPasswordAsync(TestSecrets.NewPassword.AsMemory())).IsVerified);
    }

    [Fact]
    [Trait("Rule", "R-CA-02")]
    public async Task ChangePassword_WhenOldOneWrong_KeepsItAndCostsATry()
    {
        await IssueAsync();

        var result = await _client.ChangePasswordAsync("WRONG9".AsMemory(), TestSecrets.NewPassword.AsMemory());

        Assert.Equal(new CredentialStatus(CredentialOutcome.Wrong, 4), result);
        Assert.True((await _client.VerifyPasswordAsync(TestSecrets.Password.AsMemory())).IsVerified);
    }

    [Fact]
    [Trait("Rule", "R-CA-03")]
    public async Task ResetCardPin_WhenForgottenAndLocked_SetsTheNewPin()
    {
        for (var i = 0; i < 3; i++)
        {
            await _client.VerifyCardPinAsync("0000".AsMemory());
        }

        Assert.True((await _client.GetCardPinStatusAsync()).IsBlocked);
        await _client.AuthenticateIssuerAsync(TestSecrets.MasterSecret);
        await _client.ResetCardPinAsync("9753".AsMemory());

        Assert.True((await _client.VerifyCardPinAsync("9753".AsMemory())).IsVerified);
    }

    [Fact]
    public async Task AuthenticateIssuer_WhenMasterSecretWrong_ThrowsWith6300()
    {
        var error = await Assert.ThrowsAsync<CardCommandException>(() => _client.AuthenticateIssuerAsync(TestSecrets.OtherMasterSecret));

        Assert.Equal(StatusWord.AuthenticationFailed, error.StatusWord);
        Assert.Equal("EXTERNAL AUTHENTICATE", error.Step);
    }

    [Fact]
    public async Task IssuerSteps_WhenNotAuthenticated_ThrowWith6982()
    {
        var error = await Assert.ThrowsAsync<CardCommandException>(() => _client.SetInitialPasswordAsync(TestSecrets.Password.AsMemory()));

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, error.StatusWord);
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    public async Task Errors_WhenAPasswordIsRefused_NeverCarryIt()
    {
        await _client.AuthenticateIssuerAsync(TestSecrets.MasterSecret);

        var error = await Assert.ThrowsAsync<CardCommandException>(() => _client.SetInitialPasswordAsync("lower1".AsMemory()));

        Assert.Equal(StatusWord.IncorrectData, error.StatusWord);
        Assert.DoesNotContain("lower1", error.Message);
        Assert.DoesNotContain("lower1", error.ToString());
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    public async Task VerifyPassword_WhenNotAscii_RefusesWithoutSpendingATry()
    {
        await IssueAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => _client.VerifyPasswordAsync("ＰＡＳＳ１".AsMemory()));

        Assert.Equal(5, (await _client.GetPasswordStatusAsync()).TriesLeft);
    }

    [Fact]
    public async Task ReadSigningCertificate_WhenPasswordNotVerified_ThrowsWith6982()
    {
        await IssueAsync();

        var error = await Assert.ThrowsAsync<CardCommandException>(() => _client.ReadSigningCertificateAsync());

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, error.StatusWord);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _reader.Dispose();
    }

    private async Task IssueAsync()
    {
        await _client.AuthenticateIssuerAsync(TestSecrets.MasterSecret);
        var key = await _client.GenerateKeyPairAsync();
        using var certificate = _ca.Issue(key.ToSubjectPublicKeyInfo());
        await _client.WriteSigningCertificateAsync(certificate.RawData);
        await _client.SetInitialPasswordAsync(TestSecrets.Password.AsMemory());
    }
}
