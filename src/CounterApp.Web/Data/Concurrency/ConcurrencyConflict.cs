using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CounterApp.Web.Data.Concurrency;

/// <summary>
/// A save that lost to another clerk's (optimistic concurrency on residents, cards, applications, ledger days):
/// the clerk's message, what this clerk typed (<see cref="Proposed"/>, nothing is lost) and what the database holds
/// now (<see cref="Current"/>, null when the other clerk deleted the row), with the properties that differ. The form
/// shows both and posts again with the current <c>Version</c>.
/// </summary>
public sealed record ConcurrencyConflict(
    string Entity,
    string Message,
    IReadOnlyDictionary<string, object?> Proposed,
    IReadOnlyDictionary<string, object?>? Current,
    IReadOnlyList<string> Differing)
{
    public bool DeletedByOther => Current is null;

    /// <summary>The row's current version, to post with the next attempt (null when it was deleted).</summary>
    public int? CurrentVersion => Current?.GetValueOrDefault("Version") as int?;

    /// <summary>The conflicts in a concurrency exception, with messages in <paramref name="culture"/> (the UI culture when null).</summary>
    public static async Task<IReadOnlyList<ConcurrencyConflict>> FromAsync(DbUpdateConcurrencyException exception, CultureInfo? culture = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var conflicts = new List<ConcurrencyConflict>();
        foreach (var entry in exception.Entries)
        {
            conflicts.Add(await FromEntryAsync(entry, culture, cancellationToken));
        }

        return conflicts;
    }

    private static async Task<ConcurrencyConflict> FromEntryAsync(EntityEntry entry, CultureInfo? culture, CancellationToken cancellationToken)
    {
        var entity = entry.Metadata.ClrType.Name;
        // The clerk's values without the version token (the failed save already raised it; it means nothing to them).
        var proposed = ToDictionary(entry.CurrentValues, p => !p.IsConcurrencyToken);
        var database = await entry.GetDatabaseValuesAsync(cancellationToken);
        var current = database is null ? null : ToDictionary(database, _ => true);
        var differing = current is null
            ? []
            : proposed.Keys.Where(k => !Equals(proposed[k], current.GetValueOrDefault(k))).ToList();
        var label = Label(entity, culture);
        var message = string.Format(culture ?? CultureInfo.CurrentUICulture, DataMessages.Get(current is null ? "ConcurrencyDeleted" : "ConcurrencyConflict", culture), label);
        return new ConcurrencyConflict(entity, message, proposed, current, differing);
    }

    private static string Label(string entity, CultureInfo? culture) =>
        DataMessages.Find("Entity_" + entity, culture) ?? DataMessages.Get("Entity_Default", culture);

    private static Dictionary<string, object?> ToDictionary(PropertyValues values, Func<IProperty, bool> include) =>
        values.Properties.Where(include).ToDictionary(p => p.Name, p => values[p], StringComparer.Ordinal);
}
