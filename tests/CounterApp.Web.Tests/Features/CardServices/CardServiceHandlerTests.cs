using CounterApp.Card.Client;
using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.CardServices;
using CounterApp.Web.Tests.Features.CardSession;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.CardServices;

/// <summary>Unlock, password change and card PIN reset through the handlers on an in-process virtual card, on both providers.</summary>
public sealed class CardServiceHandlerTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-01")]
    [Trait("Rule", "R-X-01")]
    [Trait("Rule", "R-X-02")]
    public async Task Unlock_WhenPasswordLockedOnCard_SetsTheNewPasswordAndClearsTheLock(DatabaseProvider provider)
    {
        await using var kit = await CardServicesKit.CreateAsync(provider, postgres);
        await kit.LockPasswordAsync();

        var result = await kit.UnlockAsync(kit.Call());

        CardServicesKit.Require(result);
        Assert.True((await kit.VerifyPasswordAsync(CardServicesKit.NewPassword)).IsVerified);
        await using var db = kit.Issuance.NewContext();
        Assert.False((await db.Certificates.AsNoTracking().SingleAsync(c => c.Serial == kit.Serial)).IsLocked);
        var audit = await kit.Issuance.AuditAsync();
        var check = Assert.Single(audit, a => a.Action == CardServiceCheck.CheckAction);
        Assert.Equal(AuditOutcomes.Succeeded, check.Outcome);
        Assert.Contains("\"locked\":\"true\"", check.Details, StringComparison.Ordinal);
        Assert.Contains(audit, a => a.Action == "card.password-unlocked" && a.Outcome == AuditOutcomes.Succeeded);
        Assert.DoesNotContain(audit, a => (a.Details ?? "").Contains(CardServicesKit.NewPassword, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-01")]
    public async Task Unlock_WhenPasswordNotLocked_IsRefusedAndTheOldPasswordStays(DatabaseProvider provider)
    {
        await using var kit = await CardServicesKit.CreateAsync(provider, postgres);

        var result = await kit.UnlockAsync(kit.Call());

        Assert.Equal(CardServiceOutcome.Refused, result.Outcome);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-CA-01" && b.Field == "certificate");
        Assert.True((await kit.VerifyPasswordAsync(IssuanceKit.Password)).IsVerified);
        Assert.Contains(await kit.Issuance.AuditAsync(), a => a.Action == CardServiceCheck.CheckAction && a.Outcome == AuditOutcomes.Refused);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-02")]
    public async Task ChangePassword_WhenCurrentPasswordWrong_ShowsTriesLeftAndKeepsThePassword(DatabaseProvider provider)
    {
        await using var kit = await CardServicesKit.CreateAsync(provider, postgres);

        var result = await kit.ChangeAsync(kit.Call(), "WRONG9");

        Assert.Equal(CardServiceOutcome.Retry, result.Outcome);
        Assert.Equal(4, result.TriesLeft);
        Assert.Contains("4", result.Message, StringComparison.Ordinal);
        Assert.True((await kit.VerifyPasswordAsync(IssuanceKit.Password)).IsVerified);
        Assert.Contains(await kit.Issuance.AuditAsync(), a => a.Action == "card.password-changed" && a.Outcome == AuditOutcomes.Refused);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-02")]
    public async Task ChangePassword_WhenCurrentPasswordRight_TheNewOneWorks(DatabaseProvider provider)
    {
        await using var kit = await CardServicesKit.CreateAsync(provider, postgres);

        var result = await kit.ChangeAsync(kit.Call(), IssuanceKit.Password);

        CardServicesKit.Require(result);
        Assert.True((await kit.VerifyPasswordAsync(CardServicesKit.NewPassword)).IsVerified);
        Assert.Contains(await kit.Issuance.AuditAsync(), a => a.Action == "card.password-changed" && a.Outcome == AuditOutcomes.Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-03")]
    public async Task ResetCardPin_WhenIdentityChecked_TheNewPinWorks(DatabaseProvider provider)
    {
        await using var kit = await CardServicesKit.CreateAsync(provider, postgres);

        var result = await kit.ResetPinAsync(kit.Call(), "8642");

        CardServicesKit.Require(result);
        Assert.True((await kit.VerifyCardPinAsync("8642")).IsVerified);
        var audit = await kit.Issuance.AuditAsync();
        Assert.Contains(audit, a => a.Action == "card.pin-reset" && a.Outcome == AuditOutcomes.Succeeded);
        Assert.DoesNotContain(audit, a => (a.Details ?? "").Contains("8642", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-PX-03")]
    public async Task EveryService_WhenApplicantIsProxy_IsRefusedWithRPX03AndAudited(DatabaseProvider provider)
    {
        await using var kit = await CardServicesKit.CreateAsync(provider, postgres);
        await kit.LockPasswordAsync();
        var proxy = kit.Call(ApplicantKind.Proxy);

        CardServiceResult[] results =
        [
            await kit.StartAsync(Procedure.Unlock, ApplicantKind.Proxy),
            await kit.UnlockAsync(proxy),
            await kit.ChangeAsync(proxy, IssuanceKit.Password),
            await kit.ResetPinAsync(proxy, "8642"),
        ];

        Assert.All(results, r =>
        {
            Assert.Equal(CardServiceOutcome.Refused, r.Outcome);
            Assert.Contains(r.BrokenRules, b => b.RuleId == "R-PX-03" && b.Field == "applicant");
        });
        Assert.True((await kit.VerifyPasswordAsync(CardServicesKit.NewPassword)).IsBlocked);
        Assert.True((await kit.VerifyCardPinAsync(IssuanceKit.Pin)).IsVerified);
        var refusals = (await kit.Issuance.AuditAsync()).Where(a => a.Action.StartsWith("card-service.", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, refusals.Count);
        Assert.All(refusals, a => Assert.Equal(AuditOutcomes.Refused, a.Outcome));
        Assert.DoesNotContain(await kit.Issuance.AuditAsync(), a => a.Action is "card.password-unlocked" or "card.pin-reset");
        CardServicesKit.Require(await kit.StartAsync(Procedure.Unlock, ApplicantKind.InPerson));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-03")]
    [Trait("Rule", "R-CE-05")]
    public async Task Unlock_WhenInputBad_NamesTheFieldAndDoesNothing(DatabaseProvider provider)
    {
        await using var kit = await CardServicesKit.CreateAsync(provider, postgres);
        await kit.LockPasswordAsync();

        var lowerCase = await kit.UnlockAsync(kit.Call(), "abc12345");
        var mismatch = await kit.UnlockAsync(kit.Call(), CardServicesKit.NewPassword, "OTHER123");
        var noDocument = await kit.UnlockAsync(kit.Call(noDocument: true));
        var badPin = await kit.ResetPinAsync(kit.Call(), "12a4");

        Assert.Equal(CardServiceOutcome.Invalid, lowerCase.Outcome);
        Assert.Contains(lowerCase.BrokenRules, b => b.Field == "newPassword" && b.RuleId == "R-CE-05");
        Assert.Contains(mismatch.BrokenRules, b => b.Field == "newPasswordConfirmation");
        Assert.Equal(CardServiceOutcome.Invalid, noDocument.Outcome);
        Assert.Contains(noDocument.BrokenRules, b => b.Field == "document.typeCode" && b.RuleId == "R-CA-01");
        Assert.Contains(badPin.BrokenRules, b => b.Field == "newCardPin");
        Assert.All([lowerCase, mismatch, badPin], r => Assert.DoesNotContain(r.BrokenRules, b => b.Message.Contains("abc12345", StringComparison.Ordinal) || b.Message.Contains("12a4", StringComparison.Ordinal)));
        Assert.True((await kit.VerifyPasswordAsync(CardServicesKit.NewPassword)).IsBlocked);
        Assert.True((await kit.VerifyCardPinAsync(IssuanceKit.Pin)).IsVerified);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-03")]
    [Trait("Rule", "R-CA-03")]
    public async Task ResetCardPin_WhenIdentityDocumentExpired_IsRefused(DatabaseProvider provider)
    {
        await using var kit = await CardServicesKit.CreateAsync(provider, postgres);

        var result = await kit.ResetPinAsync(kit.Call(document: kit.Licence(kit.Issuance.Today.AddDays(-1))), "8642");

        Assert.Equal(CardServiceOutcome.Refused, result.Outcome);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-ID-03" && b.Field == "document.expiresOn");
        Assert.True((await kit.VerifyCardPinAsync(IssuanceKit.Pin)).IsVerified);
        var check = Assert.Single(await kit.Issuance.AuditAsync(), a => a.Action == CardServiceCheck.CheckAction);
        Assert.Equal(AuditOutcomes.Refused, check.Outcome);
        Assert.Contains("R-ID-03", check.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-03")]
    public async Task ResetCardPin_WhenAnotherCardIsInTheReader_IsRefusedNamingTheCard(DatabaseProvider provider)
    {
        await using var kit = await CardServicesKit.CreateAsync(provider, postgres);
        await using var other = new CardInReader(kit.Issuance.NewUnknownCard("1111"));

        var result = await kit.WithAsync<ResetCardPinHandler>(h => h.HandleAsync(kit.Call(), other.Connection, "8642".ToCharArray(), "8642".ToCharArray()));

        Assert.Equal(CardServiceOutcome.Refused, result.Outcome);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-CA-03" && b.Field == "card");
        var client = new ResidentCardClient(other.Connection);
        await client.SelectApplicationAsync();
        Assert.True((await client.VerifyCardPinAsync("1111".AsMemory())).IsVerified);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-04")]
    [Trait("Rule", "R-CA-03")]
    public async Task ResetCardPin_WhenAnotherResidentsCardIsInTheReaderAndTheResidentHasNoCertificate_IsRefusedByItsChipSerial(DatabaseProvider provider)
    {
        await using var kit = await CardServicesKit.CreateAsync(provider, postgres);
        // 上市 太郎 has no certificate, so only the chip serial can tell that 剱 花子's card (in the reader) is not his.
        var taro = await kit.Issuance.ResidentIdAsync("16322800001");
        var call = new CardServiceCall(taro, ApplicantKind.InPerson, kit.Licence(), IssuanceKit.Clerk, kit.Issuance.CounterId);

        var result = await kit.WithAsync<ResetCardPinHandler>(h => h.HandleAsync(call, kit.Connection, "8642".ToCharArray(), "8642".ToCharArray()));

        Assert.Equal(CardServiceOutcome.Retry, result.Outcome);
        Assert.Contains($"カード番号 K0002、ICチップ番号 {CounterApp.Web.Features.Readers.SimulatedCards.SerialFor("K0002")}", result.Message, StringComparison.Ordinal);
        Assert.True((await kit.VerifyCardPinAsync(IssuanceKit.Pin)).IsVerified);
        var refused = Assert.Single(await kit.Issuance.AuditAsync(), a => a.Action == "card.pin-reset");
        Assert.Equal(AuditOutcomes.Refused, refused.Outcome);
        Assert.Contains("R-CA-04", refused.Details, StringComparison.Ordinal);
    }
}
