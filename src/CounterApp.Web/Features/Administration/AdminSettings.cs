using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Administration;

/// <summary>
/// The settings an administrator keeps in the settings table, read by the code that uses them. A row wins over the
/// configuration value; without a row (or with an unreadable one) the configuration stays the default.
/// </summary>
public static class AdminSettings
{
    /// <summary>R-VI-04: days an inquiry letter stays valid from mailing (the seed's key).</summary>
    public const string LetterValidDaysKey = "InquiryLetter.ValidDays";

    /// <summary>R-ID-04: days a document copy is kept after it is stored.</summary>
    public const string CopyRetentionDaysKey = "DocumentCopy.RetentionDays";

    /// <summary>R-EL-06: "LastAcceptance.NewIssuance" = "2026-12-15T17:00" (Tokyo wall-clock); an empty value = no end.</summary>
    public const string LastAcceptancePrefix = "LastAcceptance.";

    /// <summary>How a last acceptance moment is stored.</summary>
    public const string MomentFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>The procedures the eligibility check (and so R-EL-06) runs for.</summary>
    public static IReadOnlyList<Procedure> LastAcceptanceProcedures { get; } = [.. Enum.GetValues<Procedure>().Where(p => p.IssuesCertificate())];

    public static async Task<int> LetterValidDaysAsync(CounterDbContext db, int configured, CancellationToken cancellationToken = default) =>
        PositiveOr(await ValueAsync(db, LetterValidDaysKey, cancellationToken), configured);

    public static async Task<int> CopyRetentionDaysAsync(CounterDbContext db, int configured, CancellationToken cancellationToken = default) =>
        PositiveOr(await ValueAsync(db, CopyRetentionDaysKey, cancellationToken), configured);

    /// <summary>R-EL-06: the configured moments, each replaced by the administrator's row for its procedure (an empty row removes it).</summary>
    public static async Task<IReadOnlyDictionary<Procedure, DateTime>> LastAcceptanceAsync(
        CounterDbContext db, IReadOnlyDictionary<Procedure, DateTime>? configured, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var result = configured is null ? [] : new Dictionary<Procedure, DateTime>(configured);
        var rows = await db.Settings.AsNoTracking().ToListAsync(cancellationToken); // a handful of rows
        foreach (var row in rows.Where(r => r.Key.StartsWith(LastAcceptancePrefix, StringComparison.Ordinal)))
        {
            if (!Enum.TryParse<Procedure>(row.Key[LastAcceptancePrefix.Length..], out var procedure))
            {
                continue;
            }

            if (row.Value.Length == 0)
            {
                result.Remove(procedure);
            }
            else if (ParseMoment(row.Value) is { } moment)
            {
                result[procedure] = moment;
            }
        }

        return result;
    }

    public static DateTime? ParseMoment(string? value) =>
        DateTime.TryParseExact(value, MomentFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;

    public static string FormatMoment(DateTime moment) => moment.ToString(MomentFormat, CultureInfo.InvariantCulture);

    private static async Task<string?> ValueAsync(CounterDbContext db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
    }

    private static int PositiveOr(string? value, int configured) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0 ? days : configured;

    /// <summary>Adds or changes one settings row (tracked; the caller saves).</summary>
    public static async Task SetAsync(CounterDbContext db, string key, string value, CancellationToken cancellationToken)
    {
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (row is null)
        {
            db.Settings.Add(new Setting { Key = key, Value = value });
        }
        else
        {
            row.Value = value;
        }
    }
}
