namespace CounterApp.Web.Tests.Support;

/// <summary>A clock that stands still at a chosen instant, so pages that default to "now" are predictable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
