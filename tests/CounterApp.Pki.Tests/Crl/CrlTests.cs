using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Crl;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Crl;

[Collection(ClockedGroup.Name)]
[Trait("Rule", "R-RV-03")]
public sealed class CrlTests
{
    private readonly ClockedAuthority _ca;

    public CrlTests(ClockedAuthority ca)
    {
        _ca = ca;
        _ca.Reset();
    }

    [Fact]
    public void BuildCrl_EachTime_TakesTheNextCrlNumberAndRunsTwentyFourHours()
    {
        var first = _ca.Authority.BuildCrl();
        var second = _ca.Authority.BuildCrl();

        Assert.Equal(first.Number + 1, second.Number);
        Assert.Equal(ClockedAuthority.Start, second.ThisUpdate);
        Assert.Equal(ClockedAuthority.Start.AddHours(24), second.NextUpdate);
        CertificateRevocationListBuilder.Load(second.Der.ToArray(), out BigInteger number);
        Assert.Equal(second.Number, number);
    }

    [Fact]
    public void BuildCrl_WhenRevoked_ListsTheSerial()
    {
        using var issued = _ca.Authority.Issue(Given.Subject, Given.SubscriberKey(), new DateOnly(2034, 1, 1));
        var before = _ca.Authority.BuildCrl();

        _ca.Authority.Revoke(issued.Serial, RevocationReason.AffiliationChanged, ClockedAuthority.Start);
        var after = _ca.Authority.BuildCrl();

        Assert.Equal(before.EntryCount + 1, after.EntryCount);
        var builder = CertificateRevocationListBuilder.Load(after.Der.ToArray(), out _);
        Assert.True(builder.RemoveEntry(issued.Serial.ToByteArray()));
    }

    [Fact]
    public void Current_WhenNothingChanged_ServesTheSameSignedList()
    {
        var publisher = new CrlPublisher(_ca.Authority);

        var first = publisher.Current();
        _ca.Clock.Advance(TimeSpan.FromHours(11));

        Assert.Same(first, publisher.Current());
    }

    [Fact]
    public void Current_WhenACertificateIsRevoked_SignsANewListAtTheNextRequest()
    {
        var publisher = new CrlPublisher(_ca.Authority);
        var first = publisher.Current();
        using var issued = _ca.Authority.Issue(Given.Subject, Given.SubscriberKey(), new DateOnly(2034, 1, 1));

        _ca.Authority.Revoke(issued.Serial, RevocationReason.KeyCompromise, ClockedAuthority.Start);
        var second = publisher.Current();

        Assert.NotSame(first, second);
        Assert.True(second.Number > first.Number);
        Assert.Equal(first.EntryCount + 1, second.EntryCount);
    }

    [Fact]
    public void Current_WhenHalfTheLifetimeHasPassed_SignsANewList()
    {
        var publisher = new CrlPublisher(_ca.Authority);
        var first = publisher.Current();

        _ca.Clock.Advance(TimeSpan.FromHours(12));
        var second = publisher.Current();

        Assert.True(second.Number > first.Number);
        Assert.Equal(first.ThisUpdate.AddHours(12), second.ThisUpdate);
        Assert.Equal(second.ThisUpdate.AddHours(24), second.NextUpdate);
    }

    [Fact]
    public void Constructor_WhenRefreshLongerThanTheLifetime_Refuses()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrlPublisher(_ca.Authority, TimeSpan.FromHours(25)));
    }
}
