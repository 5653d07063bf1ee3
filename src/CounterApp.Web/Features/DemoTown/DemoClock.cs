using CounterApp.Domain.Calendar;
using CounterApp.Domain.Time;
using CounterApp.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Features.DemoTown;

/// <summary>
/// The demo town's clock for `./build.sh run` (setting Demo:OpenHoursClock): when the app starts outside counter
/// hours (evenings, weekends, holidays — R-HR-01/02), time is moved forward to an hour after the next opening and
/// runs on from there, so a newcomer can click through a procedure at any time. Inside hours it is the real time.
/// Only counter rules see it: the CA, OCSP, CRL and the audit log run on <see cref="RealClock"/>. Never for a real
/// town: receipts would carry the shifted date.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private readonly TimeSpan _offset;

    public DemoClock(TimeProvider real, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(hours);
        Real = real;
        var now = TokyoClock.Now(real);
        _offset = hours.IsOpen(now) ? TimeSpan.Zero : hours.NextOpening(now).AddHours(1) - now;
    }

    public TimeProvider Real { get; }

    /// <summary>How far the demo clock runs ahead of the real time (zero inside counter hours).</summary>
    public TimeSpan Offset => _offset;

    public override DateTimeOffset GetUtcNow() => Real.GetUtcNow() + _offset;

    public override TimeZoneInfo LocalTimeZone => Real.LocalTimeZone;
}

public static class DemoClockExtensions
{
    /// <summary>Call after every other registration: replaces the app's clock when Demo:OpenHoursClock is true.</summary>
    public static IHostApplicationBuilder UseDemoClockWhenAsked(this IHostApplicationBuilder builder) =>
        builder.UseDemoClockWhenAsked(TimeProvider.System);

    /// <summary>As <see cref="UseDemoClockWhenAsked(IHostApplicationBuilder)"/>, from the given real clock (tests pass a fixed one).</summary>
    public static IHostApplicationBuilder UseDemoClockWhenAsked(this IHostApplicationBuilder builder, TimeProvider real)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(real);
        if (!builder.Configuration.GetValue<bool>("Demo:OpenHoursClock"))
        {
            return builder;
        }

        var clock = new DemoClock(real, OfficeHours.Default);
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(clock);

        // Only the counter's rules (hours, the counter's date) run on the demo clock; the CA, OCSP, CRL and the
        // audit log keep the real time, so `openssl ocsp` against the demo never sees an answer from the future.
        builder.Services.RemoveAll<RealClock>();
        builder.Services.AddSingleton(new RealClock(clock.Real));
        if (clock.Offset > TimeSpan.Zero)
        {
            Console.WriteLine(
                $"  The counter is closed now; the demo clock runs from {TokyoClock.Now(clock):yyyy-MM-dd HH:mm} (Tokyo), an hour after the next opening (Demo:OpenHoursClock).");
        }

        return builder;
    }
}
