using CounterApp.Domain.Time;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Ocsp;

namespace CounterApp.Pki.Tests.Support;

/// <summary>
/// A demo CA on a hand-moved clock (starting 2026-11-24 10:00 JST) over a <see cref="FlakyStore"/>. The tests that
/// share it run one after another (one collection) and each resets the clock with <see cref="Reset"/>.
/// </summary>
public sealed class ClockedAuthority : IDisposable
{
    public static readonly DateTimeOffset Start = TokyoClock.FromTokyo(new DateTime(2026, 11, 24, 10, 0, 0));

    public ClockedAuthority()
    {
        Authority = CertificateAuthority.OpenOrCreate(Given.Toyama, new InMemoryKeyCustody(), Store, Clock);
        Responder = new OcspResponder(Authority);
    }

    internal ManualClock Clock { get; } = new(Start);

    internal FlakyStore Store { get; } = new();

    public CertificateAuthority Authority { get; }

    public OcspResponder Responder { get; }

    /// <summary>Back to the start time with no store faults. Tests here move the clock by hours, never far enough to renew the responder.</summary>
    public void Reset()
    {
        Clock.Advance(Start - Clock.GetUtcNow());
        Store.FailLookups = false;
        Store.RefuseNextSubscriberAdds = 0;
    }

    public void Dispose() => Authority.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ClockedGroup : ICollectionFixture<ClockedAuthority>
{
    public const string Name = "Clocked CA";
}
