namespace CounterApp.Web.Tests.Support;

/// <summary>A clock that stands still at a chosen instant, so pages that default to "now" are predictable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock on (for timeouts); only in a test that owns its own app.</summary>
    public void Advance(TimeSpan by) => _now += by;
}
