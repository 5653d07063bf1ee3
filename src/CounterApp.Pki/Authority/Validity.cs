using CounterApp.Domain.Periods;
using CounterApp.Domain.Time;

namespace CounterApp.Pki.Authority;

/// <summary>
/// Certificate times from Tokyo calendar days. A validity starts at 00:00 JST of its first day and ends at 23:59:59
/// JST of its last day (X.509's notAfter is inclusive), so the dates on 電子証明書の写し and in the certificate agree.
/// </summary>
internal static class Validity
{
    public static DateTimeOffset StartOf(DateOnly day) => TokyoClock.FromTokyo(day.ToDateTime(TimeOnly.MinValue));

    public static DateTimeOffset EndOf(DateOnly day) => TokyoClock.FromTokyo(day.ToDateTime(new TimeOnly(23, 59, 59)));

    public static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Of(CertificateValidity validity) =>
        (StartOf(validity.IssuedOn), EndOf(validity.ExpiresOn));

    /// <summary>Drops sub-second parts, which certificates cannot carry.</summary>
    public static DateTimeOffset ToSeconds(DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);
}
