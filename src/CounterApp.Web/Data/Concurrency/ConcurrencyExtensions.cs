using System.Globalization;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CounterApp.Web.Data.Concurrency;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Saves; when another clerk saved the same row first, returns the conflict (message, this clerk's values, the
    /// database's values) instead of throwing. The context keeps this clerk's changes; nothing is overwritten.
    /// </summary>
    public static async Task<SaveResult> SaveOrConflictAsync(this DbContext db, CultureInfo? culture = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException e)
        {
            return new SaveResult(await ConcurrencyConflict.FromAsync(e, culture, cancellationToken));
        }
    }

    /// <summary>
    /// The version the clerk's form was loaded with (posted back with the form): the save succeeds only if the row
    /// is still at that version, and then stores the next one.
    /// </summary>
    public static void ExpectVersion<T>(this EntityEntry<T> entry, int version)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(entry);
        var property = entry.Property(e => e.Version);
        property.OriginalValue = version;
        property.CurrentValue = version;
    }
}

/// <summary>Saved, or the conflicts that stopped the save (each with its clerk's message).</summary>
public sealed record SaveResult(IReadOnlyList<ConcurrencyConflict> Conflicts)
{
    public static SaveResult Saved { get; } = new([]);

    public bool Succeeded => Conflicts.Count == 0;

    /// <summary>The message to show: the first conflict's.</summary>
    public string? Message => Conflicts.Count == 0 ? null : Conflicts[0].Message;
}
