using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Proxies;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.InquiryLetters;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.SecondVisit;
using CounterApp.Web.Tests.Features.CardSession;
using CounterApp.Web.Tests.Features.InquiryLetters;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.SecondVisit;

/// <summary>
/// The two-visit flow's ends on both providers: a proxy's first visit (R-VI-03/05), and the second visit's lookup and
/// checklist (R-VI-02/04, R-PX-02, R-ID-05), then fee and card as on the same day (R-PX-01 decides who types the password).
/// </summary>
public sealed class SecondVisitHandlerTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-03")]
    public async Task RecordDocument_WhenAProxyShowsTheirOwnLicence_KeepsItAsTheProxysWithItsCopyAndSaysTwoVisits(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync(SecondVisitKit.PhotoCard, applicant: ApplicantKind.Proxy)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));

        // Not the registered address: R-ID-02 is about the resident's document, not the proxy's.
        var result = await kit.DocumentAsync(id, addressMatches: false);

        Assert.Equal(IssuanceOutcome.TwoVisits, result.Outcome);
        Assert.Contains("代理人", result.Message, StringComparison.Ordinal);
        var document = Assert.Single(await kit.DocumentsAsync(id));
        Assert.Equal((PresentedDocumentKind.IdentityDocument, DocumentHolder.Proxy, "driver-licence"), (document.Kind, document.Holder, document.TypeCode));
        Assert.NotNull(document.Copy);
        Assert.Equal(ApplicationState.Received, (await kit.ApplicationAsync(id)).State);
        Assert.Equal(IssuanceStep.Letter, (await kit.ViewAsync(id)).Step); // the resident's own identity is not verified: the letter follows
        Assert.Equal(IssuanceOutcome.Invalid, (await kit.SealAsync(id)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-03")]
    public async Task RecordDocument_WhenTheProxysDocumentExpired_IsRejectedAndKeepsNothing(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync(SecondVisitKit.PhotoCard, applicant: ApplicantKind.Proxy)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));

        var result = await kit.DocumentAsync(id, expiresOn: kit.Today.AddDays(-1));

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-ID-03");
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-VI-03" && b.Field == "proxy.document");
        Assert.Empty(await kit.DocumentsAsync(id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-03")]
    public async Task PrepareLetter_WhenTheProxyShowedNoDocument_IsInvalidAndCreatesNoLetter(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync(SecondVisitKit.PhotoCard, applicant: ApplicantKind.Proxy)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));

        var result = await kit.PrepareAsync(id);

        Assert.Equal(LetterOutcome.Invalid, result.Outcome);
        Assert.Equal(("R-VI-03", "proxy.document"), (result.Problem!.RuleId, result.Problem.Field));
        Assert.Empty(await kit.LettersAsync(id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-05")]
    public async Task PrepareLetter_WhenAProxyCame_AddressesTheResidentsRegisteredAddress(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);

        var (id, letter) = await kit.MailedProxyApplicationAsync();

        await using var db = kit.NewContext();
        var resident = db.Residents.Single(r => r.ResidentCode == SecondVisitKit.PhotoCard);
        Assert.Equal((resident.Address, "上市\u3000太郎"), (letter.Address, letter.AddresseeName));
        Assert.Equal(ApplicationState.InquiryLetterMailed, (await kit.ApplicationAsync(id)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task Find_WhenTheScannedReferenceIsMailed_ShowsTheApplication(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, letter) = await kit.MailedInPersonApplicationAsync();
        Assert.True(InquiryReference.TryParse(letter.Reference, out var reference));

        // The QR code holds the 12 digits; a clerk typing the printed groups (full-width, dashes) finds the same letter.
        var (scanned, _) = await kit.FindAsync(letter.Reference);
        var (typed, refusal) = await kit.FindAsync(" " + reference!.Display.Replace('-', 'ー').Replace('1', '１') + " ");

        Assert.Null(refusal);
        Assert.Equal(id, scanned!.ApplicationId);
        Assert.Equal(scanned, typed);
        Assert.Equal((LetterKit.NoPhotoCard, ApplicantKind.InPerson, kit.Today.AddDays(30)), (scanned.ResidentCode, scanned.FirstVisitApplicant, scanned.ValidThrough));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task Find_WhenTheReferenceIsMistypedOrUnknown_IsRefusedWithTheReason(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (_, letter) = await kit.MailedInPersonApplicationAsync();
        var wrongCheckDigit = letter.Reference[..11] + (char)('0' + ((letter.Reference[11] - '0' + 1) % 10));
        var unknown = InquiryReference.FromBody(99_999_999_999L).Value;

        var (_, mistyped) = await kit.FindAsync(wrongCheckDigit);
        var (_, missing) = await kit.FindAsync(unknown);
        var confirmed = await kit.ConfirmAsync(SecondVisitKit.InPerson(kit, unknown));

        Assert.Equal(("R-VI-04", "letter.reference"), (mistyped!.BrokenRules[0].RuleId, mistyped.BrokenRules[0].Field));
        Assert.Contains("検査数字", mistyped.Message, StringComparison.Ordinal);
        Assert.Equal(("R-VI-04", "letter.reference"), (missing!.BrokenRules[0].RuleId, missing.BrokenRules[0].Field));
        Assert.Equal(IssuanceOutcome.Rejected, confirmed.Outcome);
        Assert.Contains(confirmed.BrokenRules, b => b.RuleId == "R-VI-04" && b.Field == "letter.reference");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task Find_WhenTheLetterWasReturnedOrSuperseded_IsRefusedAndTheNewLetterWorks(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, letter) = await kit.MailedInPersonApplicationAsync();
        LetterKit.Require(await kit.ReturnAsync(letter.Id));
        var (_, returned) = await kit.FindAsync(letter.Reference);
        LetterKit.Require(await kit.ReissueAsync(letter.Id));
        var (_, superseded) = await kit.FindAsync(letter.Reference);
        var successor = Assert.Single(await kit.LettersAsync(id), l => l.Status == LetterStatus.Prepared);
        var (_, notMailed) = await kit.FindAsync(successor.Reference);
        var refusedNotMailed = await kit.ConfirmAsync(SecondVisitKit.InPerson(kit, successor.Reference));
        LetterKit.Require(await kit.MailAsync(successor.Id));
        var (found, _) = await kit.FindAsync(successor.Reference);

        Assert.Contains("返戻", returned!.Message, StringComparison.Ordinal);
        Assert.Contains("再発行により無効", superseded!.Message, StringComparison.Ordinal);
        Assert.Contains("まだ郵送されていません", notMailed!.Message, StringComparison.Ordinal);
        Assert.Equal(IssuanceOutcome.Rejected, refusedNotMailed.Outcome);
        Assert.Equal(id, found!.ApplicationId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task Confirm_WhenTheLetterIsPastItsValidity_IsRefusedAndAfterTheExpiryJobToo(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, letter) = await kit.MailedInPersonApplicationAsync();
        kit.Clock.Now = kit.Clock.Now.AddDays(31);

        var late = await kit.ConfirmAsync(SecondVisitKit.InPerson(kit, letter.Reference));
        await kit.ExpireAsync();
        var (_, expired) = await kit.FindAsync(letter.Reference);

        Assert.Equal(IssuanceOutcome.Rejected, late.Outcome);
        Assert.Equal(("R-VI-04", "letter.reference"), (late.BrokenRules.Single().RuleId, late.BrokenRules.Single().Field));
        Assert.Contains("有効期限", late.BrokenRules[0].Message, StringComparison.Ordinal);
        Assert.Contains("有効期限切れ", expired!.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Cancelled, (await kit.ApplicationAsync(id)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-ID-05")]
    public async Task Confirm_WhenInPersonBringsNothing_ListsEveryMissingItemAndSavesOnlyTheAudit(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, letter) = await kit.MailedInPersonApplicationAsync();
        var before = (await kit.AuditAsync()).Count;

        var result = await kit.ConfirmAsync(SecondVisitKit.InPerson(kit, letter.Reference) with { AnswerSheet = false, ResidentCard = false, SealConfirmed = false });

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Equal(
            new[] { "R-VI-02 answerSheet", "R-VI-02 residentCard", "R-ID-05 visit.sealConfirmed" },
            result.BrokenRules.Select(b => $"{b.RuleId} {b.Field}"));
        Assert.Contains("3", result.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.InquiryLetterMailed, (await kit.ApplicationAsync(id)).State);
        Assert.Equal(LetterStatus.Mailed, Assert.Single(await kit.LettersAsync(id)).Status);
        Assert.Empty(await kit.DocumentsAsync(id));
        var audit = Assert.Single((await kit.AuditAsync()).Skip(before));
        Assert.Equal((ConfirmSecondVisitHandler.RefusedAction, AuditOutcomes.Refused, LetterKit.NoPhotoCard), (audit.Action, audit.Outcome, audit.ResidentCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-CE-05")]
    public async Task Confirm_WhenInPersonBringsAnswerSheetAndCard_VerifiesUsesTheLetterAndIssuesThroughFeeAndCard(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await using var card = new CardInReader(kit.NewCard(LetterKit.NoPhotoCard));
        var (id, letter) = await kit.MailedInPersonApplicationAsync();

        var result = await kit.ConfirmAsync(SecondVisitKit.InPerson(kit, letter.Reference));

        IssuanceKit.Require(result);
        Assert.Equal(id, result.ApplicationId);
        var application = await kit.ApplicationAsync(id);
        Assert.Equal(ApplicationState.IdentityVerified, application.State);
        Assert.Contains(application.History, h => h.ToState == ApplicationState.AnswerReturned);
        Assert.Equal(LetterStatus.Used, Assert.Single(await kit.LettersAsync(id)).Status);
        var sheet = Assert.Single(await kit.DocumentsAsync(id));
        Assert.Equal((PresentedDocumentKind.AnswerSheet, DocumentHolder.Resident), (sheet.Kind, sheet.Holder));
        Assert.Contains(await kit.AuditAsync(), a => a.Action == ConfirmSecondVisitHandler.ConfirmedAction && a.ResidentCode == LetterKit.NoPhotoCard);
        var view = await kit.ViewAsync(id);
        Assert.Equal((IssuanceStep.Fee, PasswordEntryMode.ResidentOnFacingView), (view.Step, view.PasswordEntry));

        IssuanceKit.Require(await kit.FeeAsync(id));
        IssuanceKit.Require(await kit.CardAsync(id, card.Connection));
        Assert.Equal(ApplicationState.Completed, (await kit.ApplicationAsync(id)).State);

        var again = await kit.ConfirmAsync(SecondVisitKit.InPerson(kit, letter.Reference));
        Assert.Equal(IssuanceOutcome.Rejected, again.Outcome);
        Assert.Contains("既に使用", again.BrokenRules.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-PX-02")]
    public async Task Confirm_WhenTheProxysSealCertificateIsFourMonthsOld_IsRefusedWithItsDateAndSavesNothing(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, letter) = await kit.MailedProxyApplicationAsync();
        var documents = (await kit.DocumentsAsync(id)).Count;

        var result = await kit.ConfirmAsync(SecondVisitKit.Proxy(kit, letter.Reference, kit.Today.AddMonths(-4)));

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        var broken = Assert.Single(result.BrokenRules);
        Assert.Equal(("R-PX-02", "sealCertificate.issuedOn"), (broken.RuleId, broken.Field));
        Assert.Contains("3か月", broken.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.InquiryLetterMailed, (await kit.ApplicationAsync(id)).State);
        Assert.Equal(LetterStatus.Mailed, Assert.Single(await kit.LettersAsync(id)).Status);
        Assert.Equal(documents, (await kit.DocumentsAsync(id)).Count);
        Assert.Contains(await kit.AuditAsync(), a => a.Action == ConfirmSecondVisitHandler.RefusedAction && a.Details!.Contains("sealCertificate.issuedOn", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-PX-02")]
    public async Task Confirm_WhenTheProxyBringsNothing_ListsEveryItemOfTheList(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, letter) = await kit.MailedProxyApplicationAsync();

        var result = await kit.ConfirmAsync(new ConfirmSecondVisit(letter.Reference, ApplicantKind.Proxy, IssuanceKit.Clerk, kit.CounterId));

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Equal(
            new[] { "answerSheet", "residentCard", "powerOfAttorney", "sealCertificate", "proxy.document" },
            result.BrokenRules.Select(b => b.Field));
        Assert.All(result.BrokenRules, b => Assert.Equal("R-PX-02", b.RuleId));
        Assert.Equal(ApplicationState.InquiryLetterMailed, (await kit.ApplicationAsync(id)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-PX-02")]
    [Trait("Rule", "R-ID-04")]
    public async Task Confirm_WhenThe委任状IsUnsignedUnsealedTheSealDiffersAndTheDocumentHasNoCopy_ListsEach(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (_, letter) = await kit.MailedProxyApplicationAsync();

        var result = await kit.ConfirmAsync(SecondVisitKit.Proxy(kit, letter.Reference, kit.Today.AddMonths(-1)) with
        {
            PowerOfAttorneySigned = false,
            PowerOfAttorneySealed = false,
            SealCertificateMatches = false,
            ProxyDocumentExpiresOn = kit.Today.AddDays(-1),
            Copy = null,
        });

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        var fields = result.BrokenRules.Select(b => $"{b.RuleId} {b.Field}").ToList();
        Assert.Contains("R-PX-02 powerOfAttorney.signed", fields);
        Assert.Contains("R-PX-02 powerOfAttorney.sealed", fields);
        Assert.Contains("R-PX-02 sealCertificate.matchesPowerOfAttorneySeal", fields);
        Assert.Contains("R-PX-02 proxy.document", fields);
        Assert.Contains(fields, f => f.StartsWith("R-ID-03", StringComparison.Ordinal));
        Assert.Contains("R-ID-04 proxy.document.copy", fields);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-PX-02")]
    [Trait("Rule", "R-PX-01")]
    public async Task Confirm_WhenTheProxyBringsEverything_RecordsThePapersAndTheClerkTypesThePasswordAtTheCardStep(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await using var card = new CardInReader(kit.NewCard(SecondVisitKit.PhotoCard));
        var (id, letter) = await kit.MailedProxyApplicationAsync();
        var sealIssuedOn = kit.Today.AddMonths(-3); // the last day it is usable

        var result = await kit.ConfirmAsync(SecondVisitKit.Proxy(kit, letter.Reference, sealIssuedOn));

        IssuanceKit.Require(result);
        Assert.Equal(ApplicationState.IdentityVerified, (await kit.ApplicationAsync(id)).State);
        Assert.Equal(LetterStatus.Used, Assert.Single(await kit.LettersAsync(id)).Status);
        var documents = await kit.DocumentsAsync(id);
        Assert.Contains(documents, d => d.Kind == PresentedDocumentKind.AnswerSheet && d.Holder == DocumentHolder.Proxy);
        Assert.Contains(documents, d => d.Kind == PresentedDocumentKind.PowerOfAttorney);
        Assert.Contains(documents, d => d.Kind == PresentedDocumentKind.SealCertificate && d.IssuedOn == sealIssuedOn);
        Assert.Equal(2, documents.Count(d => d.Kind == PresentedDocumentKind.IdentityDocument && d.Holder == DocumentHolder.Proxy && d.Copy is not null));
        var view = await kit.ViewAsync(id);
        Assert.Equal((IssuanceStep.Fee, PasswordEntryMode.ClerkFromConcealedAnswerSheet), (view.Step, view.PasswordEntry));

        IssuanceKit.Require(await kit.FeeAsync(id));
        IssuanceKit.Require(await kit.CardAsync(id, card.Connection));

        Assert.Equal(ApplicationState.Completed, (await kit.ApplicationAsync(id)).State);
        Assert.DoesNotContain(await kit.AuditAsync(), a => (a.Details ?? "").Contains(IssuanceKit.Password, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-HR-01")]
    public async Task Confirm_WhenTheSecondVisitIsAfterCounterHours_IsRefusedAndTheLetterStaysUsable(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, letter) = await kit.MailedInPersonApplicationAsync();
        kit.Clock.Now = kit.Clock.Now.AddHours(8); // 18:00 in Tokyo

        var result = await kit.ConfirmAsync(SecondVisitKit.InPerson(kit, letter.Reference));

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-HR-01");
        Assert.Equal(ApplicationState.InquiryLetterMailed, (await kit.ApplicationAsync(id)).State);
        Assert.Equal(LetterStatus.Mailed, Assert.Single(await kit.LettersAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-03")]
    public async Task Confirm_WhenTheActorOrApplicantIsMissing_IsInvalidNamingTheField(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, letter) = await kit.MailedInPersonApplicationAsync();

        var noActor = await kit.ConfirmAsync(SecondVisitKit.InPerson(kit, letter.Reference) with { Actor = " " });
        var noApplicant = await kit.ConfirmAsync(SecondVisitKit.InPerson(kit, letter.Reference) with { Applicant = (ApplicantKind)9 });

        Assert.Equal(("R-X-01", "actor"), (noActor.BrokenRules[0].RuleId, noActor.BrokenRules[0].Field));
        Assert.Equal(("R-X-03", "applicant"), (noApplicant.BrokenRules[0].RuleId, noApplicant.BrokenRules[0].Field));
        Assert.Equal(ApplicationState.InquiryLetterMailed, (await kit.ApplicationAsync(id)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-03")]
    public async Task RecordDocument_WhenTheProxysDocumentIsAlreadyOnFile_RefusesASecondAndKeepsOne(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync(SecondVisitKit.PhotoCard, applicant: ApplicantKind.Proxy)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        Assert.Equal(IssuanceOutcome.TwoVisits, (await kit.DocumentAsync(id)).Outcome);
        var audited = (await kit.AuditAsync()).Count;

        var again = await kit.DocumentAsync(id, type: "passport");

        Assert.Equal(IssuanceOutcome.Invalid, again.Outcome);
        var broken = Assert.Single(again.BrokenRules);
        Assert.Equal(("R-VI-03", "document"), (broken.RuleId, broken.Field));
        Assert.Contains("2通目", broken.Message, StringComparison.Ordinal);
        Assert.Equal("driver-licence", Assert.Single(await kit.DocumentsAsync(id)).TypeCode);
        Assert.Equal(audited, (await kit.AuditAsync()).Count);
        var view = await kit.ViewAsync(id);
        Assert.Equal((IssuanceStep.Letter, "R-VI-03", false), (view.Step, view.TwoVisitsRule, view.HasLiveLetter));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-02")]
    public async Task RecordDocument_WhenInPersonGetsTwoVisits_KeepsTheDecisionAndAnAcceptedDocumentBeforeTheLetterStillIssuesTheSameDay(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();

        var first = await kit.DocumentAsync(id, expiresOn: kit.Today.AddDays(-1));
        var view = await kit.ViewAsync(id);
        var again = await kit.DocumentAsync(id); // the resident finds a valid licence after all (R-VI-01)

        Assert.Equal(IssuanceOutcome.TwoVisits, first.Outcome);
        Assert.Equal((IssuanceStep.Letter, "R-VI-02", true), (view.Step, view.TwoVisitsRule, view.MayRecordAnotherDocument));
        Assert.Null(view.Letter);
        Assert.Contains((await kit.ApplicationAsync(id)).History, h => h.Note == "two-visits R-VI-02" && h.ToState == ApplicationState.Received);
        IssuanceKit.Require(again);
        Assert.Single(await kit.DocumentsAsync(id));
        Assert.Equal(IssuanceStep.Seal, (await kit.ViewAsync(id)).Step);
        Assert.Single(await kit.AuditAsync(), a => a.Action == "application.visit-decided");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-02")]
    public async Task RecordDocument_WhenTheLetterIsPreparedAfterTwoVisits_RefusesAnotherDocumentAndSavesNothing(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        Assert.Equal(IssuanceOutcome.TwoVisits, (await kit.DocumentAsync(id, expiresOn: kit.Today.AddDays(-1))).Outcome);
        LetterKit.Require(await kit.PrepareAsync(id)); // the decision on file lets the letter be prepared

        var again = await kit.DocumentAsync(id);

        Assert.Equal(IssuanceOutcome.Invalid, again.Outcome);
        Assert.Equal(("R-VI-02", "document"), (again.BrokenRules[0].RuleId, again.BrokenRules[0].Field));
        Assert.Empty(await kit.DocumentsAsync(id));
        var view = await kit.ViewAsync(id);
        Assert.Equal((IssuanceStep.Letter, false), (view.Step, view.MayRecordAnotherDocument));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task View_WhenTheLetterIsPreparedThenMailed_ShowsTheLetterStepThenTheMailedLetter(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync(SecondVisitKit.PhotoCard, applicant: ApplicantKind.Proxy)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        Assert.Equal(IssuanceOutcome.TwoVisits, (await kit.DocumentAsync(id)).Outcome);

        var letter = await kit.PreparedLetterAsync(id);
        var prepared = await kit.ViewAsync(id);
        LetterKit.Require(await kit.MailAsync(letter.Id));
        var mailed = await kit.ViewAsync(id);

        Assert.Equal((IssuanceStep.Letter, LetterStatus.Prepared, true), (prepared.Step, prepared.Letter!.Status, prepared.HasLiveLetter));
        Assert.Equal(InquiryReference.TryParse(letter.Reference, out var reference) ? reference!.Display : null, prepared.Letter.ReferenceDisplay);
        Assert.Equal((IssuanceStep.Closed, LetterStatus.Mailed), (mailed.Step, mailed.Letter!.Status));
        Assert.Equal((kit.Today, kit.Today.AddDays(letter.ValidDays)), (mailed.Letter.MailedOn!.Value, mailed.Letter.ValidThrough!.Value));
        Assert.Equal(IssuanceOutcome.Invalid, (await kit.DocumentAsync(id)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-04")]
    public async Task Confirm_WhenARenewalsCertificateExpiredBeforeTheSecondVisit_IsRefusedWithTheRenewalWindow(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        // 弓庄 恵子: her certificate is in its renewal window at the first visit (a proxy: two visits).
        var id = (await kit.StartAsync(Renewing, Procedure.Renewal, ApplicantKind.Proxy)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        Assert.Equal(IssuanceOutcome.TwoVisits, (await kit.DocumentAsync(id)).Outcome);
        var letter = await kit.PreparedLetterAsync(id);
        LetterKit.Require(await kit.MailAsync(letter.Id));
        await using (var db = kit.NewContext())
        {
            var card = await db.ResidentCards.SingleAsync(c => c.ResidentId == db.Residents.Single(r => r.ResidentCode == Renewing).Id);
            var certificate = (await TestRegister.Statuses(db).Certificates.Where(CounterApp.Web.Applications.CertificateStatuses.IsValid).SingleAsync(c => c.Certificate.CardId == card.Id)).Certificate;
            certificate.ExpiresOn = kit.Today.AddDays(5);
            await db.SaveChangesAsync();
        }

        kit.Clock.Now = kit.Clock.Now.AddDays(10); // Friday 2026-12-04 10:00: the letter is still valid, the certificate expired
        var result = await kit.ConfirmAsync(SecondVisitKit.Proxy(kit, letter.Reference, kit.Today.AddDays(-3)));

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        var broken = Assert.Single(result.BrokenRules);
        Assert.Equal(("R-CE-04", "certificate.expiresOn"), (broken.RuleId, broken.Field));
        Assert.Equal(ApplicationState.InquiryLetterMailed, (await kit.ApplicationAsync(id)).State);
        Assert.Equal(LetterStatus.Mailed, Assert.Single(await kit.LettersAsync(id)).Status);
        Assert.Single(await kit.DocumentsAsync(id)); // the first visit's proxy document only
    }

    /// <summary>弓庄 恵子: a photo card and a certificate that expires in a month (R-CE-04).</summary>
    private const string Renewing = "16322800007";
}
