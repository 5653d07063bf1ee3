using System.Security.Cryptography.X509Certificates;
using CounterApp.Card.Client;
using CounterApp.Card.Connection;
using CounterApp.Card.Profile;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Ocsp;
using CounterApp.Pki.Store;
using CounterApp.Web.Agents;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.CardSession;

/// <summary>The card session on the in-process virtual card against the real app's CA and database (issue #5).</summary>
[Collection(CardSessionAppGroup.Name)]
public sealed class CardSessionServiceTests(CardSessionApp app)
{
    private const string Pin = "7395";
    private const string Password = "ZQ7XK2M9";
    private const string NewPassword = "WV3JH8RT";
    private const string Clerk = "clerk-card-session";

    [Fact]
    [Trait("Rule", "R-CE-01")]
    [Trait("Rule", "R-CE-03")]
    public async Task Issue_WhenEveryStepSucceeds_CardHoldsACertificateForItsOwnKeyThatVerifiesAgainstTheCa()
    {
        var row = await app.NextCardRowAsync();
        await using var card = new CardInReader(app.NewVirtualCard(Pin, row));

        var result = await IssueAsync(card.Connection, row, Pin, Password);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("電子証明書をカードに書き込みました。", result.Message);
        var client = new ResidentCardClient(card.Connection);
        Assert.True((await client.VerifyPasswordAsync(Password.AsMemory())).IsVerified);
        using var written = X509CertificateLoader.LoadCertificate(await client.ReadSigningCertificateAsync() ?? throw new InvalidOperationException("no certificate"));
        Assert.Equal(result.CertificateSerial, written.SerialNumber);
        var publicKey = await client.ReadPublicKeyAsync() ?? throw new InvalidOperationException("no key");
        using (var rsa = written.GetRSAPublicKey()!)
        {
            Assert.True(publicKey.SameKeyAs(rsa.ExportParameters(false)));
        }

        Assert.Equal(app.Ca.CertificateDer.ToArray(), await client.ReadCaCertificateAsync());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(app.Ca.Authority.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = CounterAppFactory.Now.AddHours(1).UtcDateTime;
        Assert.True(chain.Build(written), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.True(DateOnly.FromDateTime(written.NotAfter) <= row.ExpiryDate.AddDays(1));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var record = await TestRegister.RowAsync(db, result.CertificateSerial!);
        Assert.Equal(written.RawData, record.Der);
        Assert.Equal(CertificateStatus.Active, record.Status);
        Assert.Equal(row.Id, record.CardId);
        Assert.True(record.ExpiresOn <= row.ExpiryDate);
        Assert.Equal(OcspCertStatusKind.Good, app.Ca.Responder.StatusOf(CertificateSerial.Parse(record.Serial)).Kind);
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    [Trait("Rule", "R-X-02")]
    public async Task Issue_AuditsEveryStepWithoutThePinOrPassword_AndZeroesTheCallersArrays()
    {
        var row = await app.NextCardRowAsync();
        await using var card = new CardInReader(app.NewVirtualCard(Pin, row));
        var pin = Pin.ToCharArray();
        var password = Password.ToCharArray();
        var before = await LastAuditIdAsync();

        var result = await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<CardSessionService>()
            .IssueAsync(card.Connection, new CardSessionContext(Clerk, "窓口1", row), pin, password);

        Assert.True(result.Succeeded, result.Message);
        Assert.All(pin, c => Assert.Equal('\0', c));
        Assert.All(password, c => Assert.Equal('\0', c));
        var rows = await AuditSinceAsync(before);
        Assert.Equal(
            ["card.pin-verified", "card.key-generated", "certificate.issued", "card.certificate-written", "card.password-set"],
            rows.Select(r => r.Action));
        Assert.All(rows, r =>
        {
            Assert.Equal(Clerk, r.Actor);
            Assert.Equal("窓口1", r.Counter);
            Assert.Equal(row.Resident!.ResidentCode, r.ResidentCode);
            Assert.Equal("succeeded", r.Outcome);
            Assert.DoesNotContain(Password, r.Details ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain($"\"{Pin}\"", r.Details ?? "", StringComparison.Ordinal);
        });
        Assert.DoesNotContain(app.Logs, l => l.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "R-CE-05")]
    public async Task Issue_WhenTheCardPinIsWrong_ReportsTriesLeftAndIssuesNothing()
    {
        var row = await app.NextCardRowAsync();
        await using var card = new CardInReader(app.NewVirtualCard(Pin, row));
        var before = await LastAuditIdAsync();
        var certificatesBefore = await CertificateCountAsync();

        var result = await IssueAsync(card.Connection, row, "0000", Password);

        Assert.False(result.Succeeded);
        Assert.Equal(CardSessionStep.VerifyCardPin, result.FailedStep);
        Assert.Equal(2, result.TriesLeft);
        Assert.Equal("暗証番号が違います。残り2回です。", result.Message);
        Assert.Null(result.CertificateSerial);
        Assert.Null(await new ResidentCardClient(card.Connection).ReadPublicKeyAsync());
        Assert.Equal(certificatesBefore, await CertificateCountAsync());
        var audit = Assert.Single(await AuditSinceAsync(before));
        Assert.Equal(("card.pin-verified", "refused"), (audit.Action, audit.Outcome));
        Assert.Contains("\"triesLeft\":\"2\"", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("0000", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CE-05")]
    public async Task Issue_WhenThePasswordBreaksTheRule_RefusesBeforeTouchingTheCard()
    {
        var row = await app.NextCardRowAsync();
        await using var card = new CardInReader(app.NewVirtualCard(Pin, row));

        var result = await IssueAsync(card.Connection, row, Pin, "abc");

        Assert.Equal(CardSessionStep.ValidateInput, result.FailedStep);
        Assert.Contains("4文字以上16文字以下", result.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await new ResidentCardClient(card.Connection).GetCardPinStatusAsync()).TriesLeft);
    }

    public static TheoryData<string> Drops => ["card removed", "agent disconnected"];

    [Theory]
    [MemberData(nameof(Drops))]
    [Trait("Rule", "R-CE-01")]
    public async Task Issue_WhenTheConnectionDropsAtTheWriteStep_RevokesTheIssuedCertificateAndNamesTheStep(string drop)
    {
        var row = await app.NextCardRowAsync();
        await using var card = new CardInReader(app.NewVirtualCard(Pin, row));
        Func<Exception> failure = drop == "card removed" ? () => new CardRemovedException() : () => new AgentDisconnectedException("agent gone");
        var connection = new DroppingConnection(card.Connection, Ins.UpdateBinary, failure);
        var before = await LastAuditIdAsync();

        var result = await IssueAsync(connection, row, Pin, Password);

        Assert.True(connection.Failed);
        Assert.False(result.Succeeded);
        Assert.Equal(CardSessionStep.WriteCertificate, result.FailedStep);
        Assert.True(result.CertificateRevoked);
        Assert.StartsWith("電子証明書のカードへの書き込みに失敗しました。", result.Message, StringComparison.Ordinal);
        Assert.Contains(drop == "card removed" ? "カードが取り出されました。" : "カードリーダーとの接続が切れました。", result.Message, StringComparison.Ordinal);
        Assert.Contains("直ちに失効", result.Message, StringComparison.Ordinal);

        var serial = result.CertificateSerial ?? throw new InvalidOperationException("no serial");
        var status = app.Ca.Responder.StatusOf(CertificateSerial.Parse(serial));
        Assert.Equal(OcspCertStatusKind.Revoked, status.Kind);
        Assert.Equal(RevocationReason.CessationOfOperation, status.Reason);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var record = await TestRegister.RowAsync(db, serial);
        Assert.Equal(CertificateStatus.Revoked, record.Status);
        Assert.Equal(RevocationReason.CessationOfOperation, record.RevocationReason);

        var rows = await AuditSinceAsync(before);
        Assert.Equal(
            ["card.pin-verified", "card.key-generated", "certificate.issued", "certificate.revoked", "card.certificate-written"],
            rows.Select(r => r.Action));
        Assert.Equal("failed", rows[^1].Outcome);
        Assert.Contains("\"step\":\"WriteCertificate\"", rows[^1].Details, StringComparison.Ordinal);
        Assert.Contains("\"cause\":\"NotWrittenToCard\"", rows[^2].Details, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CE-01")]
    public async Task Issue_WhenTheAgentDropsDuringKeyGeneration_FailsThatStepAndIssuesNothing()
    {
        var row = await app.NextCardRowAsync();
        await using var card = new CardInReader(app.NewVirtualCard(Pin, row));
        var connection = new DroppingConnection(card.Connection, Ins.GenerateKeyPair, () => new AgentDisconnectedException("agent gone"));
        var before = await LastAuditIdAsync();
        var certificatesBefore = await CertificateCountAsync();

        var result = await IssueAsync(connection, row, Pin, Password);

        Assert.Equal(CardSessionStep.GenerateKey, result.FailedStep);
        Assert.Equal("カード内での鍵ペア生成に失敗しました。 カードリーダーとの接続が切れました。", result.Message);
        Assert.Null(result.CertificateSerial);
        Assert.False(result.CertificateRevoked);
        Assert.Equal(certificatesBefore, await CertificateCountAsync());
        var rows = await AuditSinceAsync(before);
        Assert.Equal(["card.pin-verified", "card.key-generated"], rows.Select(r => r.Action));
        Assert.Equal(["succeeded", "failed"], rows.Select(r => r.Outcome));
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    public void IssuerMasterSecret_OnTheEmbeddedDefault_IsA32ByteFileOnlyItsOwnerCanRead()
    {
        var secret = app.Services.GetRequiredService<IssuerMasterSecret>();
        var bytes = secret.Read();
        try
        {
            Assert.Equal(IssuerMasterSecret.Length, bytes.Length);
            Assert.Equal(Path.GetFullPath(Path.Combine(app.DataDirectory, IssuerMasterSecret.GeneratedFileName)), secret.FilePath);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret.FilePath));
            }

            Assert.Equal(bytes, secret.Read()); // never regenerated
            Assert.DoesNotContain(app.Logs, l => l.Contains(Convert.ToHexString(bytes), StringComparison.OrdinalIgnoreCase) || l.Contains(Convert.ToBase64String(bytes), StringComparison.Ordinal));
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public async Task Unlock_OnALockedCertificate_SetsTheNewPassword()
    {
        var (row, card) = await PersonalisedAsync();
        await using (card)
        {
            var client = new ResidentCardClient(card.Connection);
            for (var i = 0; i < 5; i++)
            {
                await client.VerifyPasswordAsync("WRONG1".AsMemory());
            }

            Assert.True((await client.GetPasswordStatusAsync()).IsBlocked);

            var result = await Service().UnlockAsync(card.Connection, new CardSessionContext(Clerk, null, row), NewPassword.ToCharArray());

            Assert.True(result.Succeeded, result.Message);
            Assert.True((await client.VerifyPasswordAsync(NewPassword.AsMemory())).IsVerified);
            Assert.False((await client.VerifyPasswordAsync(Password.AsMemory())).IsVerified);
        }
    }

    [Fact]
    [Trait("Rule", "R-CA-02")]
    public async Task ChangePassword_WithAWrongCurrentPassword_ReportsTriesLeft_ThenWithTheRightOneChangesIt()
    {
        var (row, card) = await PersonalisedAsync();
        await using (card)
        {
            var context = new CardSessionContext(Clerk, null, row);
            var wrong = await Service().ChangePasswordAsync(card.Connection, context, "NOTIT9".ToCharArray(), NewPassword.ToCharArray());
            Assert.Equal(CardSessionStep.ChangePassword, wrong.FailedStep);
            Assert.Equal(4, wrong.TriesLeft);
            Assert.Equal("パスワードが違います。残り4回です。", wrong.Message);

            var right = await Service().ChangePasswordAsync(card.Connection, context, Password.ToCharArray(), NewPassword.ToCharArray());

            Assert.True(right.Succeeded, right.Message);
            Assert.True((await new ResidentCardClient(card.Connection).VerifyPasswordAsync(NewPassword.AsMemory())).IsVerified);
        }
    }

    [Fact]
    [Trait("Rule", "R-CA-03")]
    public async Task ResetCardPin_OnABlockedPin_SetsTheNewPin()
    {
        var (row, card) = await PersonalisedAsync();
        await using (card)
        {
            var client = new ResidentCardClient(card.Connection);
            for (var i = 0; i < 3; i++)
            {
                await client.VerifyCardPinAsync("0000".AsMemory());
            }

            Assert.True((await client.GetCardPinStatusAsync()).IsBlocked);
            var before = await LastAuditIdAsync();

            var result = await Service().ResetCardPinAsync(card.Connection, new CardSessionContext(Clerk, null, row), "2468".ToCharArray());

            Assert.True(result.Succeeded, result.Message);
            Assert.True((await client.VerifyCardPinAsync("2468".AsMemory())).IsVerified);
            var audit = Assert.Single(await AuditSinceAsync(before));
            Assert.Equal(("card.pin-reset", "succeeded"), (audit.Action, audit.Outcome));
            Assert.DoesNotContain("2468", audit.Details ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Rule", "R-CA-03")]
    public async Task ResetCardPin_WhenTheNewPinIsNotFourDigits_IsRefused()
    {
        var row = await app.NextCardRowAsync();
        await using var card = new CardInReader(app.NewVirtualCard(Pin, row));

        var result = await Service().ResetCardPinAsync(card.Connection, new CardSessionContext(Clerk, null, row), "12a4".ToCharArray());

        Assert.Equal(CardSessionStep.ValidateInput, result.FailedStep);
        Assert.Equal("暗証番号は数字4桁で入力してください。", result.Message);
    }

    private CardSessionService Service() => app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<CardSessionService>();

    private Task<CardSessionResult> IssueAsync(ISmartCardConnection connection, ResidentCardRecord row, string pin, string password) =>
        Service().IssueAsync(connection, new CardSessionContext(Clerk, null, row), pin.ToCharArray(), password.ToCharArray());

    private async Task<(ResidentCardRecord Row, CardInReader Card)> PersonalisedAsync()
    {
        var row = await app.NextCardRowAsync();
        var card = new CardInReader(app.NewVirtualCard(Pin, row));
        var result = await IssueAsync(card.Connection, row, Pin, Password);
        Assert.True(result.Succeeded, result.Message);
        return (row, card);
    }

    private async Task<int> CertificateCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Certificates.CountAsync();
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<List<AuditEntry>> AuditSinceAsync(long after)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Id > after && a.Actor == Clerk).OrderBy(a => a.Id).ToListAsync();
    }
}
