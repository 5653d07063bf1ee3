using CounterApp.Domain.Applications;
using CounterApp.Domain.CardServices;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.CardServices;

/// <summary>
/// R-CA-01 unlock, R-CA-02 password change, R-CA-03 card PIN reset: the resident in person (R-PX-03) with the card,
/// plus an accepted photo document when the card has no photo; the certificate must be in the right state.
/// </summary>
public sealed class CardServiceRulesTests
{
    private static readonly IdentityDocumentCatalog Catalog = IdentityDocumentCatalog.Default;

    public static TheoryData<Procedure, string> CardServices => new()
    {
        { Procedure.Unlock, "R-CA-01" },
        { Procedure.PasswordChange, "R-CA-02" },
        { Procedure.CardPinReset, "R-CA-03" },
    };

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public void Check_WhenUnlockInPersonWithPhotoCardAndLockedCertificate_IsAllowed()
    {
        var decision = Check(Request(Procedure.Unlock, certificate: Make.Certificate(locked: true)));

        Assert.True(decision.IsAllowed, Describe(decision));
    }

    [Fact]
    [Trait("Rule", "R-CA-02")]
    public void Check_WhenPasswordChangeInPersonWithPhotoCardAndCertificateInForce_IsAllowed()
    {
        var decision = Check(Request(Procedure.PasswordChange, certificate: Make.Certificate()));

        Assert.True(decision.IsAllowed, Describe(decision));
    }

    [Theory]
    [Trait("Rule", "R-CA-03")]
    [InlineData(false, CertificateStatus.Active, false)]
    [InlineData(true, CertificateStatus.Active, true)]
    [InlineData(true, CertificateStatus.Revoked, false)]
    public void Check_WhenPinReset_NeedsNoCertificateAtAll(bool hasCertificate, CertificateStatus status, bool locked)
    {
        var certificate = hasCertificate ? Make.Certificate(status: status, locked: locked) : null;

        var decision = Check(Request(Procedure.CardPinReset, certificate: certificate));

        Assert.True(decision.IsAllowed, Describe(decision));
    }

    [Fact]
    [Trait("Rule", "R-CA-03")]
    public void Check_WhenPinResetAndTheCertificateHasExpired_IsAllowed()
    {
        var expired = Make.Certificate(expiresOn: Make.Today.AddDays(-1));

        Assert.True(Check(Request(Procedure.CardPinReset, certificate: expired)).IsAllowed);
    }

    [Theory]
    [Trait("Rule", "R-PX-03")]
    [MemberData(nameof(CardServices))]
    public void Check_WhenProxy_IsRefusedEvenWithEverythingElseInOrder(Procedure procedure, string ruleId)
    {
        var request = Request(procedure, ApplicantKind.Proxy, certificate: Make.Certificate(locked: procedure == Procedure.Unlock));

        using var culture = new UiCultureScope("ja-JP");

        var decision = Check(request);

        var broken = Expect.Broken(decision, "R-PX-03", "applicant");
        Assert.Single(decision.BrokenRules);
        Assert.False(decision.Breaks(ruleId));
        Assert.Equal("代理人はカードのロック解除、パスワード変更、暗証番号の再設定を行えません。申請者本人が来庁してください。", broken.Message);
    }

    [Theory]
    [MemberData(nameof(CardServices))]
    public void Check_WhenTheCardIsNotBrought_RefusesUnderTheProceduresRule(Procedure procedure, string ruleId)
    {
        var request = Request(procedure, certificate: Make.Certificate(locked: procedure == Procedure.Unlock)) with { Card = null };

        var decision = Check(request);

        Expect.BrokenExactly(decision, (ruleId, "card"));
    }

    [Theory]
    [MemberData(nameof(CardServices))]
    public void Check_WhenCardHasNoPhotoAndNoDocument_RefusesOnTheDocument(Procedure procedure, string ruleId)
    {
        var request = Request(procedure, card: Make.Card(hasPhoto: false), certificate: Make.Certificate(locked: procedure == Procedure.Unlock));

        Expect.BrokenExactly(Check(request), (ruleId, "document"));
    }

    [Theory]
    [MemberData(nameof(CardServices))]
    public void Check_WhenCardHasNoPhotoButAnAcceptedPhotoDocument_IsAllowed(Procedure procedure, string ruleId)
    {
        var request = Request(
            procedure,
            card: Make.Card(hasPhoto: false),
            certificate: Make.Certificate(locked: procedure == Procedure.Unlock),
            documents: [Make.Document("driver-licence")]);

        var decision = Check(request);

        Assert.True(decision.IsAllowed, Describe(decision));
        Assert.False(decision.Breaks(ruleId));
    }

    [Theory]
    [MemberData(nameof(CardServices))]
    public void Check_WhenCardHasNoPhotoAndTheDocumentExpiredYesterday_RefusesOnTheDocument(Procedure procedure, string ruleId)
    {
        var request = Request(
            procedure,
            card: Make.Card(hasPhoto: false),
            certificate: Make.Certificate(locked: procedure == Procedure.Unlock),
            documents: [Make.Document(expiresOn: Make.Today.AddDays(-1))]);

        Expect.BrokenExactly(Check(request), (ruleId, "document"));
    }

    [Fact]
    [Trait("Rule", "R-CA-02")]
    public void Check_WhenCardHasNoPhotoAndTheDocumentExpiresToday_IsAllowed()
    {
        var request = Request(
            Procedure.PasswordChange,
            card: Make.Card(hasPhoto: false),
            certificate: Make.Certificate(),
            documents: [Make.Document(expiresOn: Make.Today)]);

        Assert.True(Check(request).IsAllowed);
    }

    public static TheoryData<string, PresentedIdentityDocument> DocumentsThatDoNotCount => new()
    {
        { "expired", Make.Document(expiresOn: Make.Today.AddDays(-30)) },
        { "the proxy's, not the resident's", Make.Document(holder: DocumentHolder.Proxy) },
        { "not on the legal list", Make.Document("health-insurance-card") },
        { "address not updated (R-ID-02)", Make.Document("driver-licence", addressMatches: false) },
        { "運転経歴証明書 issued before 2012-04-01", Make.Document("driving-record", issuedOn: new DateOnly(2012, 3, 31)) },
    };

    [Theory]
    [Trait("Rule", "R-CA-01")]
    [MemberData(nameof(DocumentsThatDoNotCount))]
    public void Check_WhenCardHasNoPhotoAndTheDocumentIsNotAcceptable_RefusesOnTheDocument(string why, PresentedIdentityDocument document)
    {
        var request = Request(Procedure.Unlock, card: Make.Card(hasPhoto: false), certificate: Make.Certificate(locked: true), documents: [document]);

        var decision = Check(request);

        Assert.True(decision.Breaks("R-CA-01"), why);
        Expect.Broken(decision, "R-CA-01", "document");
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public void Check_WhenCardHasNoPhotoAndOneOfSeveralDocumentsIsAcceptable_IsAllowed()
    {
        var request = Request(
            Procedure.Unlock,
            card: Make.Card(hasPhoto: false),
            certificate: Make.Certificate(locked: true),
            documents: [Make.Document(expiresOn: Make.Today.AddDays(-1)), Make.Document("disability", expiresOn: null)]);

        Assert.True(Check(request).IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public void Check_WhenUnlockButTheCertificateIsNotLocked_RefusesOnTheCertificate()
    {
        using var culture = new UiCultureScope("en-US");

        var decision = Check(Request(Procedure.Unlock, certificate: Make.Certificate(locked: false)));

        var broken = Expect.Broken(decision, "R-CA-01", "certificate");
        Assert.Equal("The certificate is not locked; no unlock is needed.", broken.Message);
    }

    public static TheoryData<string, Certificate?> NoCertificateInForce => new()
    {
        { "none on the card", null },
        { "revoked", Make.Certificate(status: CertificateStatus.Revoked, locked: true) },
        { "expired yesterday", Make.Certificate(expiresOn: Make.Today.AddDays(-1), locked: true) },
        { "not yet valid", Make.Certificate(issuedOn: Make.Today.AddDays(1), locked: true) },
    };

    [Theory]
    [Trait("Rule", "R-CA-01")]
    [MemberData(nameof(NoCertificateInForce))]
    public void Check_WhenUnlockWithoutACertificateInForce_RefusesOnTheCertificate(string why, Certificate? certificate)
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = Check(Request(Procedure.Unlock, certificate: certificate));

        var broken = Expect.Broken(decision, "R-CA-01", "certificate");
        Assert.True(broken.Message == "カードに有効な電子証明書がありません。", why);
    }

    [Theory]
    [Trait("Rule", "R-CA-02")]
    [MemberData(nameof(NoCertificateInForce))]
    public void Check_WhenPasswordChangeWithoutACertificateInForce_RefusesOnTheCertificate(string why, Certificate? certificate)
    {
        using var culture = new UiCultureScope("en-US");

        var decision = Check(Request(Procedure.PasswordChange, certificate: certificate));

        var broken = Expect.Broken(decision, "R-CA-02", "certificate");
        Assert.True(broken.Message == "There is no certificate in force on the card.", why);
    }

    [Fact]
    [Trait("Rule", "R-CA-02")]
    public void Check_WhenPasswordChangeOnALockedCertificate_RefusesAndPointsToUnlock()
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = Check(Request(Procedure.PasswordChange, certificate: Make.Certificate(locked: true)));

        var broken = Expect.Broken(decision, "R-CA-02", "certificate");
        Assert.Equal("電子証明書がロックされています。パスワード変更ではなくロック解除の手続き（パスワードの再設定）を行ってください。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-CA-02")]
    [Trait("Rule", "R-PX-03")]
    public void Check_WhenEverythingIsWrong_ReportsEveryBrokenRuleAtOnce()
    {
        var request = Request(
            Procedure.PasswordChange,
            ApplicantKind.Proxy,
            card: Make.Card(hasPhoto: false),
            certificate: Make.Certificate(locked: true),
            documents: [Make.Document(expiresOn: Make.Today.AddDays(-1))]);

        Expect.BrokenExactly(Check(request), ("R-PX-03", "applicant"), ("R-CA-02", "document"), ("R-CA-02", "certificate"));
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    [Trait("Rule", "R-PX-03")]
    public void Check_WhenProxyWithoutCardOrCertificate_ReportsEveryBrokenRuleAtOnce()
    {
        var request = Request(Procedure.Unlock, ApplicantKind.Proxy, certificate: null) with { Card = null };

        Expect.BrokenExactly(Check(request), ("R-PX-03", "applicant"), ("R-CA-01", "card"), ("R-CA-01", "certificate"));
    }

    [Theory]
    [InlineData(Procedure.NewIssuance)]
    [InlineData(Procedure.Renewal)]
    [InlineData(Procedure.RevocationRequest)]
    [InlineData(Procedure.CompromiseNotice)]
    public void Check_WhenNotACardService_Throws(Procedure procedure)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Check(Request(procedure, certificate: Make.Certificate())));
    }

    [Fact]
    public void Messages_WhenJapanese_AreClearJapanese()
    {
        using var culture = new UiCultureScope("ja-JP");
        var request = Request(Procedure.Unlock, card: Make.Card(hasPhoto: false), certificate: Make.Certificate(locked: false));

        var decision = Check(request);

        Assert.Equal(2, decision.BrokenRules.Count);
        Assert.All(decision.BrokenRules, b => Expect.Japanese(b.Message));
        Expect.Japanese(Check(Request(Procedure.Unlock, certificate: null) with { Card = null }).BrokenRules[0].Message);
    }

    [Fact]
    public void Messages_WhenEnglish_AreEnglish()
    {
        using var culture = new UiCultureScope("en-US");

        var decision = Check(Request(Procedure.Unlock, certificate: Make.Certificate(locked: false)) with { Card = null });

        Assert.Equal(
            ["The resident must bring their own resident card.", "The certificate is not locked; no unlock is needed."],
            decision.BrokenRules.Select(b => b.Message));
        Assert.Equal(
            "The resident card has no photo: an accepted photo identity document, not expired, is also required.",
            Check(Request(Procedure.CardPinReset, card: Make.Card(hasPhoto: false))).BrokenRules.Single().Message);
    }

    private static Decision Check(CardServiceRequest request) => CardServiceRules.Check(request, Catalog);

    private static CardServiceRequest Request(
        Procedure procedure,
        ApplicantKind applicant = ApplicantKind.InPerson,
        ResidentCard? card = null,
        Certificate? certificate = null,
        IReadOnlyList<PresentedIdentityDocument>? documents = null) =>
        new(procedure, applicant, card ?? Make.Card(), certificate, documents ?? [], Make.Today);

    private static string Describe(Decision decision) =>
        string.Join("; ", decision.BrokenRules.Select(b => $"{b.RuleId} {b.Field}: {b.Message}"));
}
