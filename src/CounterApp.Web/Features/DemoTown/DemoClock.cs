using CounterApp.Domain.Calendar;
using CounterApp.Domain.Time;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Features.DemoTown;

/// <summary>
/// The demo town's clock for `./build.sh run` (setting Demo:OpenHoursClock): when the app starts outside counter
/// hours (evenings, weekends, holidays — R-HR-01/02), time is moved forward to an hour after the next opening and
/// runs on from there, so a newcomer can click through a procedure at any time. Inside hours it is the real time.
/// Never for a real town: certificates and receipts would carry the shifted date.
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
    public static IHostApplicationBuilder UseDemoClockWhenAsked(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Configuration.GetValue<bool>("Demo:OpenHoursClock"))
        {
            return builder;
        }

        var clock = new DemoClock(TimeProvider.System, OfficeHours.Default);
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(clock);
        if (clock.Offset > TimeSpan.Zero)
        {
            Console.WriteLine(
                $"  The counter is closed now; the demo clock runs from {TokyoClock.Now(clock):yyyy-MM-dd HH:mm} (Tokyo), an hour after the next opening (Demo:OpenHoursClock).");
        }

        return builder;
    }
}
