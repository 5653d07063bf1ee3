using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Hosting;

/// <summary>
/// The time of record for the CA (certificates, CRL, OCSP, revocations) and the audit log. It is the app's
/// <see cref="TimeProvider"/> except when the demo clock (Demo:OpenHoursClock) shifts the counter's rules: then it
/// stays the real time, so an OCSP answer or an audit entry is never dated in the future.
/// </summary>
public sealed class RealClock(TimeProvider time) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    public override long TimestampFrequency => time.TimestampFrequency;

    public override long GetTimestamp() => time.GetTimestamp();
}

public static class RealClockExtensions
{
    /// <summary>By default the real clock is the app's clock (tests replace that with a fixed one, and both follow).</summary>
    public static IServiceCollection AddRealClock(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RealClock(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
