using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Revocation;

/// <summary>Which certificates are revoked, why (RFC 5280 CRLReason), and from when.</summary>
public sealed class RevocationTriggersTests
{
    private static readonly DateTimeOffset EventTime = Make.At(new DateOnly(2026, 11, 18), 16, 45);

    [Fact]
    public void RevocationReason_WhenWritten_UsesTheRfc5280Numbers()
    {
        Assert.Equal(0, (int)RevocationReason.Unspecified);
        Assert.Equal(1, (int)RevocationReason.KeyCompromise);
        Assert.Equal(3, (int)RevocationReason.AffiliationChanged);
        Assert.Equal(4, (int)RevocationReason.Superseded);
        Assert.Equal(5, (int)RevocationReason.CessationOfOperation);
    }

    [Fact]
    [Trait("Rule", "R-RV-01")]
    public void ForRequest_WhenTheResidentAsks_RevokesAtOnceAsCessationOfOperation()
    {
        var order = RevocationTriggers.ForRequest(Make.Certificate("0A1B"), compromise: false, Make.At(10, 15));

        Assert.Equal(new RevocationOrder("0A1B", RevocationReason.CessationOfOperation, Make.At(10, 15), "R-RV-01", "RevocationRequest"), order);
    }

    [Fact]
    [Trait("Rule", "R-RV-01")]
    public void ForRequest_WhenPasswordOrKeyCompromiseIsNotified_RevokesAsKeyCompromise()
    {
        var order = RevocationTriggers.ForRequest(Make.Certificate("0A1B"), compromise: true, Make.At(10, 15));

        Assert.Equal(new RevocationOrder("0A1B", RevocationReason.KeyCompromise, Make.At(10, 15), "R-RV-01", "CompromiseNotice"), order);
    }

    [Theory]
    [Trait("Rule", "R-RV-01")]
    [InlineData(false)]
    [InlineData(true)]
    public void ForRequest_WhenAlreadyRevoked_Throws(bool compromise)
    {
        var revoked = Make.Certificate(status: CertificateStatus.Revoked);

        Assert.Throws<InvalidOperationException>(() => RevocationTriggers.ForRequest(revoked, compromise, Make.At(10)));
    }

    [Theory]
    [Trait("Rule", "R-RV-02")]
    [InlineData(RegisterEventKind.NameChanged, RevocationReason.AffiliationChanged)]
    [InlineData(RegisterEventKind.AddressChanged, RevocationReason.AffiliationChanged)]
    [InlineData(RegisterEventKind.SexChanged, RevocationReason.AffiliationChanged)]
    [InlineData(RegisterEventKind.BirthDateChanged, RevocationReason.AffiliationChanged)]
    [InlineData(RegisterEventKind.MovedOut, RevocationReason.AffiliationChanged)]
    [InlineData(RegisterEventKind.Died, RevocationReason.CessationOfOperation)]
    [InlineData(RegisterEventKind.CardReplaced, RevocationReason.CessationOfOperation)]
    [InlineData(RegisterEventKind.CardReturned, RevocationReason.CessationOfOperation)]
    public void ForRegisterEvent_WhenEachKindOfEvent_RevokesWithTheMatchingReasonFromTheEventTime(RegisterEventKind kind, RevocationReason reason)
    {
        var registerEvent = new RegisterEvent(kind, Make.ResidentCode, EventTime, Make.CardNumber);

        var order = Assert.Single(RevocationTriggers.ForRegisterEvent(registerEvent, [Make.Certificate("0A1B")]));

        Assert.Equal(new RevocationOrder("0A1B", reason, EventTime, "R-RV-02", kind.ToString()), order);
    }

    [Fact]
    [Trait("Rule", "R-RV-02")]
    public void ForRegisterEvent_WhenTableAbove_CoversEveryKind()
    {
        var covered = typeof(RevocationTriggersTests)
            .GetMethod(nameof(ForRegisterEvent_WhenEachKindOfEvent_RevokesWithTheMatchingReasonFromTheEventTime))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (RegisterEventKind)a.Data[0]!);

        Assert.Equal(Enum.GetValues<RegisterEventKind>().Order(), covered.Order());
    }

    [Theory]
    [Trait("Rule", "R-RV-02")]
    [InlineData(RegisterEventKind.NameChanged)]
    [InlineData(RegisterEventKind.MovedOut)]
    [InlineData(RegisterEventKind.Died)]
    [InlineData(RegisterEventKind.CardReplaced)]
    public void ForRegisterEvent_WhenSomeCertificatesAreAlreadyRevoked_RevokesOnlyTheActiveOnes(RegisterEventKind kind)
    {
        Certificate[] certificates =
        [
            Make.Certificate("01", status: CertificateStatus.Revoked),
            Make.Certificate("02"),
            Make.Certificate("03", status: CertificateStatus.Revoked),
        ];

        var orders = RevocationTriggers.ForRegisterEvent(new RegisterEvent(kind, Make.ResidentCode, EventTime, Make.CardNumber), certificates);

        Assert.Equal(["02"], orders.Select(o => o.Serial));
    }

    [Theory]
    [Trait("Rule", "R-RV-02")]
    [InlineData(RegisterEventKind.CardReplaced)]
    [InlineData(RegisterEventKind.CardReturned)]
    public void ForRegisterEvent_WhenCardEvent_RevokesOnlyTheCertificatesOnThatCard(RegisterEventKind kind)
    {
        Certificate[] certificates =
        [
            Make.Certificate("0A", cardNumber: Make.CardNumber),
            Make.Certificate("0B", cardNumber: Make.OtherCardNumber),
        ];

        var orders = RevocationTriggers.ForRegisterEvent(new RegisterEvent(kind, Make.ResidentCode, EventTime, Make.CardNumber), certificates);

        Assert.Equal(["0A"], orders.Select(o => o.Serial));
    }

    [Theory]
    [Trait("Rule", "R-RV-02")]
    [InlineData(RegisterEventKind.AddressChanged)]
    [InlineData(RegisterEventKind.Died)]
    public void ForRegisterEvent_WhenRegisterEvent_RevokesEveryActiveCertificateWhateverTheCard(RegisterEventKind kind)
    {
        Certificate[] certificates =
        [
            Make.Certificate("0A", cardNumber: Make.CardNumber),
            Make.Certificate("0B", cardNumber: Make.OtherCardNumber),
        ];

        var orders = RevocationTriggers.ForRegisterEvent(new RegisterEvent(kind, Make.ResidentCode, EventTime), certificates);

        Assert.Equal(["0A", "0B"], orders.Select(o => o.Serial));
        Assert.All(orders, o => Assert.Equal(EventTime, o.EffectiveAt));
    }

    [Theory]
    [Trait("Rule", "R-RV-02")]
    [InlineData(RegisterEventKind.CardReplaced, null)]
    [InlineData(RegisterEventKind.CardReturned, "")]
    [InlineData(RegisterEventKind.CardReturned, " ")]
    public void ForRegisterEvent_WhenCardEventDoesNotSayWhichCard_ThrowsRatherThanRevokingNothing(RegisterEventKind kind, string? cardNumber)
    {
        var registerEvent = new RegisterEvent(kind, Make.ResidentCode, EventTime, cardNumber);

        Assert.Throws<ArgumentException>(() => RevocationTriggers.ForRegisterEvent(registerEvent, [Make.Certificate()]));
    }

    [Fact]
    [Trait("Rule", "R-RV-02")]
    public void ForRegisterEvent_WhenTheResidentHasNoCertificate_OrdersNothing()
    {
        Assert.Empty(RevocationTriggers.ForRegisterEvent(new RegisterEvent(RegisterEventKind.Died, Make.ResidentCode, EventTime), []));
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void ForRenewal_WhenTheNewCertificateIsOnTheCard_SupersedesTheOldOneFromThatMoment()
    {
        var order = RevocationTriggers.ForRenewal(Make.Certificate("0OLD"), Make.At(14, 14));

        Assert.Equal(new RevocationOrder("0OLD", RevocationReason.Superseded, Make.At(14, 14), "R-CE-04", "Renewal"), order);
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void ForRenewal_WhenNoOldCertificate_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => RevocationTriggers.ForRenewal(null!, Make.At(14)));
    }

    [Fact]
    [Trait("Rule", "R-CE-01")]
    public void ForUnwrittenCertificate_WhenIssuedButNeverWritten_RevokesAsCessationOfOperation()
    {
        var order = RevocationTriggers.ForUnwrittenCertificate("0NEW", Make.At(14, 20));

        Assert.Equal(new RevocationOrder("0NEW", RevocationReason.CessationOfOperation, Make.At(14, 20), "R-CE-01", "NotWrittenToCard"), order);
    }
}
