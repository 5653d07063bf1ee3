using CounterApp.Domain.Revocation;
using CounterApp.Pki.Ocsp;
using CounterApp.Pki.Store;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Crl;

public sealed class RevocationTests(AuthorityFixture toyama)
{
    private static DateTimeOffset AMinuteAgo => DateTimeOffset.UtcNow.AddMinutes(-1);

    [Fact]
    [Trait("Rule", "R-RV-01")]
    public void Revoke_WhenActive_RecordsReasonAndTimeToTheSecond()
    {
        using var issued = toyama.Issue();
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
        var revision = toyama.Authority.RevocationRevision;

        Assert.Equal(RevokeOutcome.Revoked, toyama.Authority.Revoke(issued.Serial, RevocationReason.KeyCompromise, at));

        var revocation = toyama.Store.Find(issued.Serial)!.Revocation;
        Assert.Equal(new CertificateRevocation(at.AddMilliseconds(-678), RevocationReason.KeyCompromise), revocation);
        Assert.True(toyama.Authority.RevocationRevision > revision);
        Assert.Equal(OcspCertStatus.Revoked(at.AddMilliseconds(-678), RevocationReason.KeyCompromise), toyama.Responder.StatusOf(issued.Serial));
    }

    [Fact]
    [Trait("Rule", "R-RV-01")]
    public void Revoke_WhenAlreadyRevoked_KeepsTheFirstRevocation()
    {
        using var issued = toyama.Issue();
        var first = DateTimeOffset.UtcNow.AddHours(-1);
        toyama.Authority.Revoke(issued.Serial, RevocationReason.KeyCompromise, first);

        Assert.Equal(RevokeOutcome.AlreadyRevoked, toyama.Authority.Revoke(issued.Serial, RevocationReason.Superseded, AMinuteAgo));

        Assert.Equal(RevocationReason.KeyCompromise, toyama.Store.Find(issued.Serial)!.Revocation!.Reason);
    }

    [Fact]
    public void Revoke_WhenSerialNeverIssued_ReturnsNotFound()
    {
        Assert.Equal(RevokeOutcome.NotFound, toyama.Authority.Revoke(CertificateSerial.NewRandom(), RevocationReason.Unspecified, AMinuteAgo));
    }

    [Theory]
    [Trait("Rule", "R-RV-02")]
    [InlineData(RegisterEventKind.AddressChanged, RevocationReason.AffiliationChanged)]
    [InlineData(RegisterEventKind.NameChanged, RevocationReason.AffiliationChanged)]
    [InlineData(RegisterEventKind.MovedOut, RevocationReason.AffiliationChanged)]
    [InlineData(RegisterEventKind.Died, RevocationReason.CessationOfOperation)]
    [InlineData(RegisterEventKind.CardReturned, RevocationReason.CessationOfOperation)]
    public void Revoke_WhenRegisterEventOrdersIt_UsesTheDomainsReasonAndTime(RegisterEventKind kind, RevocationReason reason)
    {
        using var issued = toyama.Issue();
        var registerEvent = new RegisterEvent(kind, "12345678901", AMinuteAgo, CardNumber: "0001");

        var orders = RevocationTriggers.ForRegisterEvent(registerEvent, [issued.ToDomain("0001")]);

        Assert.Equal(RevokeOutcome.Revoked, toyama.Authority.Revoke(Assert.Single(orders)));
        var revocation = toyama.Store.Find(issued.Serial)!.Revocation!;
        Assert.Equal(reason, revocation.Reason);
        Assert.Equal(registerEvent.OccurredAt, revocation.RevokedAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void Revoke_WhenRenewalSupersedes_MarksTheOldCertificateSuperseded()
    {
        using var old = toyama.Issue();
        using var renewed = toyama.Issue(1);

        toyama.Authority.Revoke(RevocationTriggers.ForRenewal(old.ToDomain("0001"), AMinuteAgo));

        Assert.Equal(RevocationReason.Superseded, toyama.Store.Find(old.Serial)!.Revocation!.Reason);
        Assert.Equal(OcspCertStatus.Good, toyama.Responder.StatusOf(renewed.Serial));
    }

    [Fact]
    public void Revoke_WhenTimeInTheFuture_Refuses()
    {
        using var issued = toyama.Issue();

        Assert.Throws<ArgumentOutOfRangeException>(() => toyama.Authority.Revoke(issued.Serial, RevocationReason.KeyCompromise, DateTimeOffset.UtcNow.AddHours(1)));
        Assert.False(toyama.Store.Find(issued.Serial)!.IsRevoked);
    }

    [Fact]
    public void Revoke_WhenReasonNotOneTheCounterUses_Refuses()
    {
        using var issued = toyama.Issue();

        Assert.Throws<ArgumentOutOfRangeException>(() => toyama.Authority.Revoke(issued.Serial, (RevocationReason)6, AMinuteAgo));
    }

    [Fact]
    public void Revoke_WhenTheCasOwnCertificate_Refuses()
    {
        var own = CertificateSerial.Parse(toyama.Authority.Certificate.SerialNumber);
        var responder = CertificateSerial.Parse(toyama.Authority.ResponderCertificate.SerialNumber);

        Assert.Throws<InvalidOperationException>(() => toyama.Authority.Revoke(own, RevocationReason.KeyCompromise, AMinuteAgo));
        Assert.Throws<InvalidOperationException>(() => toyama.Authority.Revoke(responder, RevocationReason.KeyCompromise, AMinuteAgo));
    }
}
