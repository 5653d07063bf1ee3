using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Hosting;

/// <summary>The moments of an issuance at which a crash matters (R-CE-09); the crash tests kill the server at each.</summary>
public enum CrashPoint
{
    /// <summary>The card accepted the resident's card PIN.</summary>
    PinVerified,

    /// <summary>The card generated the key pair; nothing of it is recorded yet.</summary>
    KeyGenerated,

    /// <summary>The application recorded the issuance request; the CA has not been asked.</summary>
    IntentRecorded,

    /// <summary>The CA signed and committed the certificate; the application has not recorded it.</summary>
    CaSigned,

    /// <summary>The certificate is on the card; the application has not recorded it.</summary>
    CardWritten,

    /// <summary>The password is set on the card; the application has not recorded it.</summary>
    PasswordSet,

    /// <summary>The application is completed (and, on renewal, the old certificate superseded).</summary>
    Completed,
}

/// <summary>Settings of section "Faults" (crash tests only).</summary>
public sealed class FaultOptions
{
    public const string Section = "Faults";

    /// <summary>The <see cref="CrashPoint"/> name at which a card session holds for the test to kill the process; unset in service.</summary>
    public string? HoldAt { get; set; }

    public static bool IsValid(FaultOptions options) =>
        options is not null && (string.IsNullOrEmpty(options.HoldAt) || (Enum.TryParse<CrashPoint>(options.HoldAt, ignoreCase: false, out var point) && Enum.IsDefined(point)));
}

/// <summary>
/// Fault injection for the crash tests, off unless <c>Faults:HoldAt</c> names a <see cref="CrashPoint"/>: a card
/// session reaching it writes <c>CRASH-POINT &lt;name&gt;</c> on standard output and waits there for good, so the
/// test kills the process (SIGKILL) exactly at that moment. Start-up prints a warning whenever it is set.
/// </summary>
public sealed class CrashPoints(IOptions<FaultOptions>? options = null)
{
    private readonly CrashPoint? _holdAt = options?.Value.HoldAt is { Length: > 0 } name && Enum.TryParse<CrashPoint>(name, out var point) ? point : null;

    public CrashPoint? HoldAt => _holdAt;

    public async Task ReachedAsync(CrashPoint point)
    {
        if (_holdAt != point)
        {
            return;
        }

        await Console.Out.WriteLineAsync($"CRASH-POINT {point}");
        await Console.Out.FlushAsync();
        await Task.Delay(Timeout.Infinite, CancellationToken.None);
    }
}

public static class CrashPointsExtensions
{
    public static IServiceCollection AddCrashPoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FaultOptions>().Bind(configuration.GetSection(FaultOptions.Section))
            .Validate(FaultOptions.IsValid, $"Faults:HoldAt must be one of {string.Join(", ", Enum.GetNames<CrashPoint>())}, or unset.")
            .ValidateOnStart();
        services.TryAddSingleton<CrashPoints>();
        return services;
    }
}
