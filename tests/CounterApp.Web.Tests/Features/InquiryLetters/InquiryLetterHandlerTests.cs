using CounterApp.Domain.Applications;
using CounterApp.Domain.Letters;
using CounterApp.Web.Data;
using CounterApp.Web.Features.InquiryLetters;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Features.InquiryLetters;

/// <summary>The inquiry letter's life at the counter (R-VI-02..05) on both providers: prepare, mail, return, reissue, expire.</summary>
public sealed class InquiryLetterHandlerTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-02")]
    public async Task Prepare_WhenNonPhotoCardWithoutDocuments_CreatesALetterToTheRegisteredAddressAndAudits(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        Assert.Equal(IssuanceOutcome.TwoVisits, (await kit.DocumentAsync(id, addressMatches: false)).Outcome);

        var result = await kit.PrepareAsync(id);

        LetterKit.Require(result);
        var letter = Assert.Single(await kit.LettersAsync(id));
        Assert.Equal(result.References[0], letter.Reference);
        Assert.True(InquiryReference.TryParse(letter.Reference, out _), "the reference carries a valid Luhn check digit");
        Assert.Equal(LetterStatus.Prepared, letter.Status);
        Assert.Null(letter.MailedOn);
        Assert.Equal(30, letter.ValidDays);
        Assert.Equal("剱\u3000花子", letter.AddresseeName);
        await using (var db = kit.NewContext())
        {
            var resident = db.Residents.Single(r => r.ResidentCode == LetterKit.NoPhotoCard);
            Assert.Equal(resident.Address, letter.Address);
        }

        Assert.Equal(ApplicationState.Received, (await kit.ApplicationAsync(id)).State);
        Assert.Contains(await kit.AuditAsync(), a => a.Action == PrepareInquiryLetterHandler.AuditAction && a.ResidentCode == LetterKit.NoPhotoCard);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-01")]
    public async Task Prepare_WhenThePhotoCardAllowsSameDay_IsInvalidAndCreatesNoLetter(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));

        var result = await kit.PrepareAsync(id);

        Assert.Equal(LetterOutcome.Invalid, result.Outcome);
        Assert.Equal(("R-VI-01", "application.visit"), (result.Problem!.RuleId, result.Problem.Field));
        Assert.Empty(await kit.LettersAsync(id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task Prepare_WhenTheApplicationAlreadyHasAValidLetter_IsInvalid(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        await kit.PreparedLetterAsync(id);

        var result = await kit.PrepareAsync(id);

        Assert.Equal(LetterOutcome.Invalid, result.Outcome);
        Assert.Equal("R-VI-04", result.Problem!.RuleId);
        Assert.Single(await kit.LettersAsync(id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-02")]
    public async Task MarkMailed_WhenABatchIsPrepared_MailsEveryLetterAndMovesTheApplications(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var first = await kit.TwoVisitApplicationAsync();
        var firstLetter = await kit.PreparedLetterAsync(first);
        LetterKit.Require(await kit.ReissueAsync(firstLetter.Id));
        var second = Assert.Single(await kit.LettersAsync(first), l => l.Status == LetterStatus.Prepared);

        var result = await kit.MailAsync(second.Id);

        LetterKit.Require(result);
        var mailed = Assert.Single(await kit.LettersAsync(first), l => l.Status == LetterStatus.Mailed);
        Assert.Equal(kit.Today, mailed.MailedOn);
        var application = await kit.ApplicationAsync(first);
        Assert.Equal(ApplicationState.InquiryLetterMailed, application.State);
        Assert.Contains(await kit.AuditAsync(), a => a.Action == MarkLettersMailedHandler.AuditAction);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task MarkMailed_WhenOneLetterIsAlreadyMailed_IsInvalidAndChangesNothing(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        var letter = await kit.PreparedLetterAsync(id);
        LetterKit.Require(await kit.MailAsync(letter.Id));
        var auditCount = (await kit.AuditAsync()).Count;

        var result = await kit.MailAsync(letter.Id);

        Assert.Equal(LetterOutcome.Invalid, result.Outcome);
        Assert.Equal(("R-VI-04", "letters"), (result.Problem!.RuleId, result.Problem.Field));
        Assert.Equal(auditCount, (await kit.AuditAsync()).Count);
        Assert.Equal(LetterStatus.Mailed, Assert.Single(await kit.LettersAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task MarkMailed_WhenNothingIsSelected_IsInvalidNamingTheLetters(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);

        var result = await kit.MailAsync();

        Assert.Equal(("R-X-03", "letters"), (result.Problem!.RuleId, result.Problem.Field));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task MarkReturned_WhenMailed_MakesTheLetterUnusableAndAudits(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        var letter = await kit.PreparedLetterAsync(id);
        LetterKit.Require(await kit.MailAsync(letter.Id));

        LetterKit.Require(await kit.ReturnAsync(letter.Id));

        Assert.Equal(LetterStatus.ReturnedUndeliverable, Assert.Single(await kit.LettersAsync(id)).Status);
        Assert.Contains(await kit.AuditAsync(), a => a.Action == MarkLetterReturnedHandler.AuditAction);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task MarkReturned_WhenNotYetMailed_IsInvalid(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        var letter = await kit.PreparedLetterAsync(id);

        var result = await kit.ReturnAsync(letter.Id);

        Assert.Equal(("R-VI-04", "letter"), (result.Problem!.RuleId, result.Problem.Field));
        Assert.Equal(LetterStatus.Prepared, Assert.Single(await kit.LettersAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task Reissue_WhenReturned_VoidsTheOldAndKeepsOneValidLetterWithANewReference(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        var letter = await kit.PreparedLetterAsync(id);
        LetterKit.Require(await kit.MailAsync(letter.Id));
        LetterKit.Require(await kit.ReturnAsync(letter.Id));

        var result = await kit.ReissueAsync(letter.Id);

        LetterKit.Require(result);
        var letters = await kit.LettersAsync(id);
        Assert.Equal(2, letters.Count);
        var old = letters.Single(l => l.Id == letter.Id);
        var current = Assert.Single(letters, l => l.Status is LetterStatus.Prepared or LetterStatus.Mailed);
        Assert.Equal(LetterStatus.Superseded, old.Status);
        Assert.Equal(current.Id, old.SupersededById);
        Assert.NotEqual(old.Reference, current.Reference);
        Assert.Equal(ApplicationState.InquiryLetterMailed, (await kit.ApplicationAsync(id)).State);
        LetterKit.Require(await kit.MailAsync(current.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task Reissue_WhenAlreadySuperseded_IsInvalid(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        var letter = await kit.PreparedLetterAsync(id);
        LetterKit.Require(await kit.ReissueAsync(letter.Id));

        var result = await kit.ReissueAsync(letter.Id);

        Assert.Equal(("R-VI-04", "letter"), (result.Problem!.RuleId, result.Problem.Field));
        Assert.Equal(2, (await kit.LettersAsync(id)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task Expire_WhenPastValidity_ExpiresTheLetterAndCancelsTheApplicationWithAReason(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        var letter = await kit.PreparedLetterAsync(id);
        LetterKit.Require(await kit.MailAsync(letter.Id));

        kit.Clock.Now = kit.Clock.Now.AddDays(30);
        Assert.Empty(await kit.ExpireAsync());
        kit.Clock.Now = kit.Clock.Now.AddDays(1);
        var expired = await kit.ExpireAsync();

        Assert.Equal([letter.Reference], expired);
        Assert.Equal(LetterStatus.Expired, Assert.Single(await kit.LettersAsync(id)).Status);
        var application = await kit.ApplicationAsync(id);
        Assert.Equal(ApplicationState.Cancelled, application.State);
        Assert.Contains(letter.Reference[..4], application.History.OrderBy(h => h.Sequence).Last().Note, StringComparison.Ordinal);
        Assert.Contains(await kit.AuditAsync(), a => a.Action == ExpireLettersHandler.AuditAction && a.Actor == ExpireLettersHandler.Actor);
        Assert.Empty(await kit.ExpireAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task Reissue_WhenExpired_IsInvalidBecauseTheApplicationIsClosed(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        var letter = await kit.PreparedLetterAsync(id);
        LetterKit.Require(await kit.MailAsync(letter.Id));
        kit.Clock.Now = kit.Clock.Now.AddDays(40);
        Assert.Single(await kit.ExpireAsync());

        var result = await kit.ReissueAsync(letter.Id);

        Assert.Equal(("R-VI-04", "letter"), (result.Problem!.RuleId, result.Problem.Field));
        Assert.Single(await kit.LettersAsync(id));
    }
}
