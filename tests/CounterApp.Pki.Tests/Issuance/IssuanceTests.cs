using CounterApp.Domain.Certificates;
using CounterApp.Domain.Periods;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Time;
using CounterApp.Pki.Store;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Issuance;

[Collection(ClockedGroup.Name)]
[Trait("Rule", "R-CE-03")]
public sealed class IssuanceTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private readonly ClockedAuthority _ca;

    public IssuanceTests(ClockedAuthority ca)
    {
        _ca = ca;
        _ca.Reset();
    }

    [Fact]
    public void Issue_WhenCardOutlivesThreeYears_RunsFromTheIssueDayToTheCivilCodeEnd()
    {
        using var issued = _ca.Authority.Issue(Given.Subject, Given.SubscriberKey(), new DateOnly(2034, 1, 1));

        Assert.Equal(CertificateValidity.For(Today, new DateOnly(2034, 1, 1)), issued.Validity);
        Assert.Equal(new DateOnly(2029, 11, 24), issued.Validity.ExpiresOn);
        Assert.Equal(TokyoClock.FromTokyo(new DateTime(2026, 11, 24, 0, 0, 0)), new DateTimeOffset(issued.Certificate.NotBefore));
        Assert.Equal(TokyoClock.FromTokyo(new DateTime(2029, 11, 24, 23, 59, 59)), new DateTimeOffset(issued.Certificate.NotAfter));
    }

    [Fact]
    public void Issue_WhenCardExpiresFirst_EndsAtTheEndOfTheCardsLastDay()
    {
        var card = new ResidentCard("0001", "12345678901", "163228", true, new DateOnly(2028, 3, 31), CardStatus.Active);

        using var issued = _ca.Authority.Issue(Given.Subject, Given.SubscriberKey(), card);

        Assert.True(issued.Validity.IsCappedByCard);
        Assert.Equal(TokyoClock.FromTokyo(new DateTime(2028, 3, 31, 23, 59, 59)), new DateTimeOffset(issued.Certificate.NotAfter));
    }

    [Fact]
    public void Issue_WhenTokyoDayDiffersFromUtcDay_UsesTheTokyoDay()
    {
        // 2026-11-24 23:30 UTC is already the 25th in Tokyo.
        _ca.Clock.Advance(TokyoClock.FromTokyo(new DateTime(2026, 11, 25, 8, 30, 0)) - _ca.Clock.GetUtcNow());

        using var issued = _ca.Authority.Issue(Given.Subject, Given.SubscriberKey(), new DateOnly(2034, 1, 1));

        Assert.Equal(new DateOnly(2026, 11, 25), issued.Validity.IssuedOn);
        Assert.Equal(TokyoClock.FromTokyo(new DateTime(2026, 11, 25, 0, 0, 0)), new DateTimeOffset(issued.Certificate.NotBefore));
    }

    [Fact]
    public void Issue_WhenCardAlreadyExpired_RefusesAndIssuesNothing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ca.Authority.Issue(Given.Subject, Given.SubscriberKey(), Today.AddDays(-1)));
    }

    [Fact]
    public void Issue_WhenSerialAlreadyTaken_SignsAgainWithANewSerial()
    {
        _ca.Store.RefuseNextSubscriberAdds = 2;
        var refusedBefore = _ca.Store.RefusedAdds;

        using var issued = _ca.Authority.Issue(Given.Subject, Given.SubscriberKey(), new DateOnly(2034, 1, 1));

        Assert.Equal(refusedBefore + 2, _ca.Store.RefusedAdds);
        Assert.Equal(issued.Serial.Hex, issued.Certificate.SerialNumber);
        Assert.Equal(CertificateKind.Subscriber, _ca.Store.Find(issued.Serial)!.Kind);
    }

    [Fact]
    public void Issue_WhenStoreRefusesEverySerial_FailsLoudly()
    {
        _ca.Store.RefuseNextSubscriberAdds = 100;

        var error = Assert.Throws<InvalidOperationException>(() => _ca.Authority.Issue(Given.Subject, Given.SubscriberKey(), new DateOnly(2034, 1, 1)));

        Assert.Contains("unique index", error.Message);
    }

    [Fact]
    public void ToDomain_WhenWrittenToTheCard_IsAnActiveDomainCertificateWithTheSameSerialAndDates()
    {
        using var issued = _ca.Authority.Issue(Given.Subject, Given.SubscriberKey(), new DateOnly(2034, 1, 1));

        var domain = issued.ToDomain("0001");

        Assert.Equal(new Certificate(issued.Serial.Hex, "0001", Today, new DateOnly(2029, 11, 24), CertificateStatus.Active), domain);
        Assert.Equal(issued.Certificate.SerialNumber, domain.Serial);
    }
}
