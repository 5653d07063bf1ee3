using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.DocumentCopies;
using CounterApp.Web.Features.InquiryLetters;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.Administration;

/// <summary>The two periods as typed; <paramref name="Expected"/> is what the administrator saw (<see cref="SavePeriodsHandler.Describe"/>).</summary>
public sealed record SavePeriods(string? LetterValidDays, string? CopyRetentionDays, string Expected, string Actor);

/// <summary>The periods in effect: the settings table's, or the configuration's where it has no row.</summary>
public sealed record PeriodSettings(int LetterValidDays, int CopyRetentionDays);

/// <summary>
/// R-VI-04 and R-ID-04: an administrator sets how many days an inquiry letter is valid from mailing and how many days a
/// document copy is kept. Whole days in a sensible range; both saved in one audited transaction (old → new), or neither.
/// A new value applies to letters prepared and copies stored from then on; earlier ones keep the days they were given.
/// </summary>
public sealed class SavePeriodsHandler(CounterDbContext db, AuditTrail audit, IOptions<LetterOptions> letters, IOptions<DocumentCopyOptions> copies)
{
    public const string AuditAction = "admin.periods.changed";

    public const int MaxLetterValidDays = 365;

    /// <summary>Ten years: longer than any retention class a municipality would set for these copies.</summary>
    public const int MaxCopyRetentionDays = 3650;

    public static string Describe(PeriodSettings periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return string.Create(CultureInfo.InvariantCulture, $"letterValidDays={periods.LetterValidDays}, copyRetentionDays={periods.CopyRetentionDays}");
    }

    public async Task<PeriodSettings> CurrentAsync(CancellationToken cancellationToken = default) => new(
        await AdminSettings.LetterValidDaysAsync(db, letters.Value.ValidDays, cancellationToken),
        await AdminSettings.CopyRetentionDaysAsync(db, copies.Value.RetentionDays, cancellationToken));

    public async Task<AdminResult> HandleAsync(SavePeriods request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Days(request.LetterValidDays, MaxLetterValidDays) is not { } letterDays)
        {
            return AdminResult.Refused("R-VI-04", "periods.letterValidDays", "DaysInvalid", AdminText.Get("LetterValidDays"), MaxLetterValidDays);
        }

        if (Days(request.CopyRetentionDays, MaxCopyRetentionDays) is not { } retentionDays)
        {
            return AdminResult.Refused("R-ID-04", "periods.copyRetentionDays", "DaysInvalid", AdminText.Get("CopyRetentionDays"), MaxCopyRetentionDays);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var old = Describe(await CurrentAsync(cancellationToken));
        if (!string.Equals(old, request.Expected, StringComparison.Ordinal))
        {
            return AdminResult.Refused("R-VI-04", "periods", "SettingsChangedMeanwhile");
        }

        var now = Describe(new PeriodSettings(letterDays, retentionDays));
        if (string.Equals(old, now, StringComparison.Ordinal))
        {
            return AdminResult.Done(now);
        }

        await AdminSettings.SetAsync(db, AdminSettings.LetterValidDaysKey, letterDays.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await AdminSettings.SetAsync(db, AdminSettings.CopyRetentionDaysKey, retentionDays.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(AdminAudit.Changed(request.Actor, AuditAction, old, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Done(now);
    }

    private static int? Days(string? typed, int max) =>
        int.TryParse(typed?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days >= 1 && days <= max ? days : null;
}
