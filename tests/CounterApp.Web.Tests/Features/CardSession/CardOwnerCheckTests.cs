using CounterApp.Card.Client;
using CounterApp.Card.Connection;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CardSession;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.CardSession;

/// <summary>
/// R-CA-04 on the in-process virtual card: every card procedure runs only on the resident's own card in force, known
/// by the chip serial the register records; another card is refused before anything is written or issued.
/// </summary>
[Collection(CardSessionAppGroup.Name)]
public sealed class CardOwnerCheckTests(CardSessionApp app)
{
    private const string Pin = "7395";
    private const string Password = "ZQ7XK2M9";
    private const string NewPassword = "WV3JH8RT";
    private const string Clerk = "clerk-card-owner";

    [Fact]
    [Trait("Rule", "R-CA-04")]
    public async Task Issue_WhenAnotherResidentsCardIsInTheReader_RefusesNamingThatCardAndNeitherWritesNorIssues()
    {
        var (resident, other) = await TwoResidentsAsync();
        await using var card = new CardInReader(app.NewVirtualCard(Pin, other));
        var before = await LastAuditIdAsync();
        var (certificates, caCertificates) = await CertificateCountsAsync();

        var result = await Service().IssueAsync(card.Connection, new CardSessionContext(Clerk, null, resident), Pin.ToCharArray(), Password.ToCharArray());

        Assert.Equal(CardSessionStep.CheckCardOwner, result.FailedStep);
        Assert.Equal(
            $"カードリーダーのカード（カード番号 {other.CardNumber}、ICチップ番号 {other.ChipSerial}）は、この住民の有効な個人番号カードではありません（R-CA-04）。カードには何も書き込んでいません。本人のカードを挿入してやり直してください。",
            result.Message);
        Assert.DoesNotContain(other.Resident!.FamilyName, result.Message, StringComparison.Ordinal);
        Assert.Null(result.CertificateSerial);
        await AssertUntouchedAsync(card.Connection);
        Assert.Equal((certificates, caCertificates), await CertificateCountsAsync());
        var audit = Assert.Single(await AuditSinceAsync(before));
        Assert.Equal(("certificate.issuance", "refused", resident.Resident!.ResidentCode), (audit.Action, audit.Outcome, audit.ResidentCode));
        Assert.Contains("\"rule\":\"R-CA-04\"", audit.Details, StringComparison.Ordinal);
        Assert.Contains($"\"chipSerial\":\"{other.ChipSerial}\"", audit.Details, StringComparison.Ordinal);
        Assert.Contains($"\"expectedChipSerial\":\"{resident.ChipSerial}\"", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CA-04")]
    public async Task Issue_WhenTheCardIsUnknownToTheRegister_RefusesNamingItsChipSerial()
    {
        var row = await app.NextCardRowAsync();
        await using var card = new CardInReader(app.NewVirtualCard(Pin, "F00DF00DF00DF00D"));

        var result = await Service().IssueAsync(card.Connection, new CardSessionContext(Clerk, null, row), Pin.ToCharArray(), Password.ToCharArray());

        Assert.Equal(CardSessionStep.CheckCardOwner, result.FailedStep);
        Assert.StartsWith("カードリーダーのカード（ICチップ番号 F00DF00DF00DF00D）は、この住民の有効な個人番号カードではありません（R-CA-04）。", result.Message, StringComparison.Ordinal);
        await AssertUntouchedAsync(card.Connection);
    }

    [Fact]
    [Trait("Rule", "R-CA-04")]
    public async Task Issue_WhenTheRegisterHasNoChipSerialForTheResidentsCard_RefusesSayingSo()
    {
        var row = await app.NextCardRowAsync();
        await using var card = new CardInReader(app.NewVirtualCard(Pin, row));
        row.ChipSerial = null; // a row written before schema 0011, never completed by the register
        var before = await LastAuditIdAsync();

        var result = await Service().IssueAsync(card.Connection, new CardSessionContext(Clerk, null, row), Pin.ToCharArray(), Password.ToCharArray());

        Assert.Equal(CardSessionStep.CheckCardOwner, result.FailedStep);
        Assert.StartsWith("住民記録にこの住民のカードのICチップ番号がないため、", result.Message, StringComparison.Ordinal);
        Assert.Contains(card.Card.Serial, result.Message, StringComparison.Ordinal);
        await AssertUntouchedAsync(card.Connection);
        Assert.Equal("refused", Assert.Single(await AuditSinceAsync(before)).Outcome);
    }

    [Fact]
    [Trait("Rule", "R-CA-04")]
    [Trait("Rule", "R-CA-01")]
    public async Task Unlock_WhenAnotherResidentsCardIsInTheReader_RefusesAndTheCardKeepsItsPassword()
    {
        var (other, card) = await PersonalisedAsync();
        var resident = await AnotherResidentThanAsync(other);
        await using (card)
        {
            var before = await LastAuditIdAsync();

            var result = await Service().UnlockAsync(card.Connection, new CardSessionContext(Clerk, null, resident), NewPassword.ToCharArray());

            AssertRefusedNaming(result, other);
            Assert.True((await new ResidentCardClient(card.Connection).VerifyPasswordAsync(Password.AsMemory())).IsVerified);
            var audit = Assert.Single(await AuditSinceAsync(before));
            Assert.Equal(("card.password-unlocked", "refused"), (audit.Action, audit.Outcome));
        }
    }

    [Fact]
    [Trait("Rule", "R-CA-04")]
    [Trait("Rule", "R-CA-02")]
    public async Task ChangePassword_WhenAnotherResidentsCardIsInTheReader_RefusesWithoutTryingThePassword()
    {
        var (other, card) = await PersonalisedAsync();
        var resident = await AnotherResidentThanAsync(other);
        await using (card)
        {
            var before = await LastAuditIdAsync();

            var result = await Service().ChangePasswordAsync(card.Connection, new CardSessionContext(Clerk, null, resident), Password.ToCharArray(), NewPassword.ToCharArray());

            AssertRefusedNaming(result, other);
            var client = new ResidentCardClient(card.Connection);
            Assert.Equal(5, (await client.GetPasswordStatusAsync()).TriesLeft);
            Assert.True((await client.VerifyPasswordAsync(Password.AsMemory())).IsVerified);
            var audit = Assert.Single(await AuditSinceAsync(before));
            Assert.Equal(("card.password-changed", "refused"), (audit.Action, audit.Outcome));
        }
    }

    [Fact]
    [Trait("Rule", "R-CA-04")]
    [Trait("Rule", "R-CA-03")]
    public async Task ResetCardPin_WhenAnotherResidentsCardIsInTheReader_RefusesAndTheCardKeepsItsPin()
    {
        var (other, card) = await PersonalisedAsync();
        var resident = await AnotherResidentThanAsync(other);
        await using (card)
        {
            var before = await LastAuditIdAsync();

            var result = await Service().ResetCardPinAsync(card.Connection, new CardSessionContext(Clerk, null, resident), "2468".ToCharArray());

            AssertRefusedNaming(result, other);
            var client = new ResidentCardClient(card.Connection);
            Assert.False((await client.VerifyCardPinAsync("2468".AsMemory())).IsVerified);
            Assert.True((await client.VerifyCardPinAsync(Pin.AsMemory())).IsVerified);
            var audit = Assert.Single(await AuditSinceAsync(before));
            Assert.Equal(("card.pin-reset", "refused"), (audit.Action, audit.Outcome));
        }
    }

    private static void AssertRefusedNaming(CardSessionResult result, ResidentCardRecord inReader)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(CardSessionStep.CheckCardOwner, result.FailedStep);
        Assert.Contains($"カード番号 {inReader.CardNumber}、ICチップ番号 {inReader.ChipSerial}", result.Message, StringComparison.Ordinal);
    }

    // Nothing on the card moved: the card PIN was never tried and no key was generated (so no certificate either).
    private static async Task AssertUntouchedAsync(ISmartCardConnection connection)
    {
        var client = new ResidentCardClient(connection);
        Assert.Equal(3, (await client.GetCardPinStatusAsync()).TriesLeft);
        Assert.Null(await client.ReadPublicKeyAsync());
    }

    private async Task<(ResidentCardRecord Resident, ResidentCardRecord Other)> TwoResidentsAsync()
    {
        var resident = await app.NextCardRowAsync();
        var other = await app.NextCardRowAsync();
        Assert.NotEqual(resident.ResidentId, other.ResidentId);
        return (resident, other);
    }

    private async Task<ResidentCardRecord> AnotherResidentThanAsync(ResidentCardRecord other)
    {
        var resident = await app.NextCardRowAsync();
        Assert.NotEqual(other.ResidentId, resident.ResidentId);
        return resident;
    }

    private async Task<(ResidentCardRecord Row, CardInReader Card)> PersonalisedAsync()
    {
        var row = await app.NextCardRowAsync();
        var card = new CardInReader(app.NewVirtualCard(Pin, row));
        var result = await Service().IssueAsync(card.Connection, new CardSessionContext(Clerk, null, row), Pin.ToCharArray(), Password.ToCharArray());
        Assert.True(result.Succeeded, result.Message);
        return (row, card);
    }

    private CardSessionService Service() => app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<CardSessionService>();

    private async Task<(int Certificates, int CaCertificates)> CertificateCountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return (await db.Certificates.CountAsync(), await db.CaCertificates.CountAsync());
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CounterDbContext>().AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<List<AuditEntry>> AuditSinceAsync(long after)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CounterDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Id > after).OrderBy(a => a.Id).ToListAsync();
    }
}
