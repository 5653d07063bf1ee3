using CounterApp.Card.Client;
using CounterApp.Card.Connection;
using CounterApp.Card.Profile;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Features.CardSession;
using CounterApp.Web.Tests.Features.Ledger;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>Each step's refusals: the rule and field named, nothing half-saved, the application where it should be.</summary>
public sealed class IssuanceStepTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-03")]
    public async Task Start_WhenTheApplicantIsAProxy_ReceivesTheApplicationForTheTwoVisitFlow(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);

        var result = await kit.StartAsync("16322800001", applicant: ApplicantKind.Proxy);

        IssuanceKit.Require(result);
        var application = await kit.ApplicationAsync(result.ApplicationId!.Value);
        Assert.Equal((ApplicantKind.Proxy, ApplicationState.Received), (application.Applicant, application.State));
        Assert.Contains(await kit.AuditAsync(), a => a.Action == StartApplicationHandler.AuditAction && a.Details!.Contains("Proxy", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-EL-03")]
    [Trait("Rule", "R-HR-01")]
    public async Task Eligibility_WhenUnder15AndAfterHours_RefusesWithEveryBrokenRuleAndClosesTheApplication(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800003")).ApplicationId!.Value;
        kit.Clock.Now = LedgerKit.At(new DateOnly(2026, 11, 24), 17, 0);

        var result = await kit.EligibilityAsync(id);

        Assert.Equal(IssuanceOutcome.Refused, result.Outcome);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-EL-03" && b.Message.Length > 0);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-HR-01" && b.Message.Length > 0);
        var application = await kit.ApplicationAsync(id);
        Assert.Equal(ApplicationState.Refused, application.State);
        Assert.Contains("R-EL-03", application.RefusedFor, StringComparison.Ordinal);
        Assert.Contains("R-HR-01", application.RefusedFor, StringComparison.Ordinal);
        Assert.Contains(await kit.AuditAsync(), a => a.Action == CheckEligibilityHandler.AuditAction && a.Outcome == "refused");
        Assert.Equal(IssuanceOutcome.Invalid, (await kit.DocumentAsync(id)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-04")]
    public async Task Eligibility_WhenRenewingBeforeTheWindowOpens_RefusesWithTheOpeningDay(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        // 森尻 誠: his certificate runs two more years.
        var id = (await kit.StartAsync("16322800008", Procedure.Renewal)).ApplicationId!.Value;

        var result = await kit.EligibilityAsync(id);

        Assert.Equal(IssuanceOutcome.Refused, result.Outcome);
        var broken = Assert.Single(result.BrokenRules);
        Assert.Equal(("R-CE-04", "certificate.expiresOn"), (broken.RuleId, broken.Field));
        Assert.Equal(ApplicationState.Refused, (await kit.ApplicationAsync(id)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-03")]
    public async Task Document_WhenExpired_IsRejectedAndNothingIsKept(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));

        var result = await kit.DocumentAsync(id, expiresOn: kit.Today.AddDays(-1));

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-ID-03");
        var application = await kit.ApplicationAsync(id);
        Assert.Empty(application.Documents);
        Assert.Equal(ApplicationState.Received, application.State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-02")]
    public async Task Document_WhenTheCardHasNoPhotoAndTheDocumentIsNotAccepted_SaysTwoVisitsAndDoesNotProceed(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800002")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));

        var result = await kit.DocumentAsync(id, addressMatches: false);

        Assert.Equal(IssuanceOutcome.TwoVisits, result.Outcome);
        Assert.Contains("照会書", result.Message, StringComparison.Ordinal);
        Assert.Empty((await kit.ApplicationAsync(id)).Documents);
        Assert.Equal(IssuanceOutcome.Invalid, (await kit.SealAsync(id)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    public async Task Document_WhenTheCopyIsNotAScan_IsInvalidNamingTheCopy(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));

        var result = await kit.DocumentAsync(id, copy: "<script>alert(1)</script>"u8.ToArray());

        Assert.Equal(IssuanceOutcome.Invalid, result.Outcome);
        Assert.Equal(("R-ID-04", "document.copy"), (result.BrokenRules[0].RuleId, result.BrokenRules[0].Field));
        Assert.Empty((await kit.ApplicationAsync(id)).Documents);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-05")]
    public async Task Seal_WhenNotConfirmed_IsRejectedAndTheApplicationWaits(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        IssuanceKit.Require(await kit.DocumentAsync(id, "resident-card-photo"));

        var result = await kit.SealAsync(id, confirmed: false);

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Equal(("R-ID-05", "visit.sealConfirmed"), (result.BrokenRules[0].RuleId, result.BrokenRules[0].Field));
        Assert.Equal(ApplicationState.Received, (await kit.ApplicationAsync(id)).State);
        IssuanceKit.Require(await kit.SealAsync(id));
        Assert.Equal(ApplicationState.IdentityVerified, (await kit.ApplicationAsync(id)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seal_WhenAnotherClerkSavedFirst_IsAConflictAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        IssuanceKit.Require(await kit.DocumentAsync(id, "resident-card-photo"));
        await using var db = kit.NewContext();
        var loaded = (await ApplicationMapper.LoadAsync(db, id))!;
        IssuanceKit.Require(await kit.SealAsync(id));

        loaded.Application.MarkIdentityVerified(kit.Clock.Now, "other-clerk");
        var saved = await ApplicationMapper.SaveAsync(db, loaded.Application, loaded.Record);

        Assert.False(saved.Succeeded);
        Assert.NotNull(saved.Message);
        Assert.DoesNotContain((await kit.ApplicationAsync(id)).History, h => h.By == "other-clerk");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-04")]
    public async Task Fee_WhenTheLedgerDayIsClosed_IsRefusedAndNoReceiptIsNumbered(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        IssuanceKit.Require(await kit.DocumentAsync(id, "resident-card-photo"));
        IssuanceKit.Require(await kit.SealAsync(id));
        await using (var db = kit.NewContext())
        {
            db.LedgerDays.Add(new LedgerDay { OfficeId = kit.OfficeId, Day = kit.Today, Status = LedgerDayStatus.Closed, ClosedBy = "supervisor", ClosedAt = kit.Clock.Now.UtcDateTime,
                CashCounted = 0, ExpectedTotal = 0, LedgerPdf = [1], LedgerPdfSha256 = new string('0', 64) });
            await db.SaveChangesAsync();
        }

        var result = await kit.FeeAsync(id);

        Assert.Equal(IssuanceOutcome.Conflict, result.Outcome);
        Assert.Equal("R-FE-04", result.BrokenRules[0].RuleId);
        await using var check = kit.NewContext();
        Assert.False(await check.Receipts.AnyAsync());
        Assert.Equal(ApplicationState.IdentityVerified, (await kit.ApplicationAsync(id)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-02")]
    public async Task Fee_WhenTakenTwice_TheSecondIsRefusedAndOneReceiptStands(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");

        var again = await kit.FeeAsync(id);

        Assert.Equal(IssuanceOutcome.Invalid, again.Outcome);
        await using var db = kit.NewContext();
        Assert.Equal(1, await db.Receipts.CountAsync(r => r.ApplicationId == id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-05")]
    public async Task Card_WhenThePinIsWrong_StaysAtTheCardStepWithTriesLeft(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await using var card = new CardInReader(kit.NewCard("16322800001"));
        var id = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");

        var result = await kit.CardAsync(id, card.Connection, pin: "0000");

        Assert.Equal(IssuanceOutcome.Retry, result.Outcome);
        Assert.Equal(2, result.TriesLeft);
        Assert.Contains("残り2回", result.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.FeePaid, (await kit.ApplicationAsync(id)).State);
        IssuanceKit.Require(await kit.CardAsync(id, card.Connection));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-05")]
    [Trait("Rule", "R-X-02")]
    public async Task Card_WhenThePasswordConfirmationDiffers_IsInvalidBeforeTheCardIsTouched(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await using var card = new CardInReader(kit.NewCard("16322800001"));
        var id = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");
        var pin = IssuanceKit.Pin.ToCharArray();
        var password = "ab".ToCharArray();
        var confirmation = "ZZZZ".ToCharArray();

        var result = await kit.WithAsync<IssueOnCardHandler, IssuanceResult>(h => h.HandleAsync(new IssueOnCard(id, IssuanceKit.Clerk, kit.CounterId), card.Connection, pin, password, confirmation));

        Assert.Equal(IssuanceOutcome.Invalid, result.Outcome);
        Assert.Equal(["password", "passwordConfirmation"], result.BrokenRules.Select(b => b.Field));
        Assert.All(result.BrokenRules, b => Assert.Equal("R-CE-05", b.RuleId));
        Assert.All(pin.Concat(password).Concat(confirmation), c => Assert.Equal('\0', c));
        Assert.Equal(3, (await new ResidentCardClient(card.Connection).GetCardPinStatusAsync()).TriesLeft);
        Assert.Equal(ApplicationState.FeePaid, (await kit.ApplicationAsync(id)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Card_WhenTheCardIsRemovedBeforeTheKeyIsMade_StaysAtTheCardStepToRetry(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await using var card = new CardInReader(kit.NewCard("16322800001"));
        var id = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");

        var result = await kit.CardAsync(id, new DroppingConnection(card.Connection, Ins.GenerateKeyPair, () => new CardRemovedException()));

        Assert.Equal(IssuanceOutcome.Retry, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.Message));
        Assert.Equal(ApplicationState.FeePaid, (await kit.ApplicationAsync(id)).State);
        IssuanceKit.Require(await kit.CardAsync(id, card.Connection));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-01")]
    [Trait("Rule", "R-FE-03")]
    public async Task Card_WhenTheCardIsRemovedDuringTheWrite_RevokesTheCertificateAndOffersTheCardStepAgainWithoutASecondFee(DatabaseProvider provider)
    {
        // R-CE-09: a session cut after the CA signed is resolved at once: the certificate is revoked, the application
        // goes back to the card step with its fee standing, and a retry issues onto the card without a second payment.
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await using var card = new CardInReader(kit.NewCard("16322800001"));
        var id = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");

        var result = await kit.CardAsync(id, new DroppingConnection(card.Connection, Ins.UpdateBinary, () => new CardRemovedException()));

        Assert.Equal(IssuanceOutcome.Retry, result.Outcome);
        Assert.Contains("失効", result.Message, StringComparison.Ordinal);
        Assert.Contains(result.CertificateSerial!, result.Message, StringComparison.Ordinal);
        var application = await kit.ApplicationAsync(id);
        Assert.Equal(ApplicationState.FeePaid, application.State);
        Assert.Null(application.Outstanding);
        Assert.Null(application.IssuedSerial);
        Assert.Contains(application.History, h => h.ToState == ApplicationState.FeePaid && h.Note?.Contains(result.CertificateSerial!, StringComparison.Ordinal) == true);
        await using (var db = kit.NewContext())
        {
            var certificate = await TestRegister.RowAsync(db, result.CertificateSerial!);
            Assert.Equal(CertificateStatus.Revoked, certificate.Status);
        }

        var inCa = kit.Ca.Store.FindStatus(CounterApp.Pki.Store.CertificateSerial.Parse(result.CertificateSerial!));
        Assert.Equal(CounterApp.Domain.Revocation.RevocationReason.CessationOfOperation, inCa?.Revocation?.Reason);

        var retried = await kit.CardAsync(id, card.Connection);

        IssuanceKit.Require(retried);
        Assert.NotEqual(result.CertificateSerial, retried.CertificateSerial);
        Assert.Equal(ApplicationState.Completed, (await kit.ApplicationAsync(id)).State);
        await using var after = kit.NewContext();
        Assert.Equal(1, await after.Receipts.CountAsync(r => r.ApplicationId == id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-01")]
    public async Task Document_WhenOneIsAlreadyOnFileForTheSameDay_RefusesASecondAndTheSealStepFollows(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800002")).ApplicationId!.Value; // non-photo card: the licence decides the same day
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        IssuanceKit.Require(await kit.DocumentAsync(id));

        var again = await kit.DocumentAsync(id, type: "passport");

        Assert.Equal(IssuanceOutcome.Invalid, again.Outcome);
        Assert.Equal(("R-VI-01", "document"), (again.BrokenRules[0].RuleId, again.BrokenRules[0].Field));
        Assert.Equal("driver-licence", Assert.Single((await kit.ApplicationAsync(id)).Documents).TypeCode);
        await using var db = kit.NewContext();
        var view = await ApplicationView.LoadAsync(db, TestRegister.Statuses(db), id);
        Assert.Equal((IssuanceStep.Seal, null), (view!.Step, view.TwoVisitsRule));
        IssuanceKit.Require(await kit.SealAsync(id));
    }
}

