using System.Globalization;
using CounterApp.Domain.Fees;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Data.Seed;

/// <summary>
/// Loads db/seed/*.csv (identity document types, fees, settings) idempotently: a row whose key is missing is
/// inserted; an existing row is left alone, so an administrator's edits survive every restart.
/// </summary>
public sealed class ReferenceDataSeeder(CounterDbContext db, DatabaseOptions options)
{
    public string SeedFolder => Path.Combine(options.ScriptsDirectory, "seed");

    /// <summary>Inserts the missing reference rows; returns how many were inserted.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var inserted = 0;
        var types = await db.IdentityDocumentTypes.Select(t => t.Code).ToListAsync(cancellationToken);
        foreach (var row in SeedCsv.Read(Path.Combine(SeedFolder, "identity_document_types.csv")).Where(r => !types.Contains(r["code"])))
        {
            db.IdentityDocumentTypes.Add(new IdentityDocumentTypeRecord
            {
                Code = row["code"],
                NameJa = row["name_ja"],
                NameEn = row["name_en"],
                IssuedOnOrAfter = row["issued_on_or_after"] is { Length: > 0 } from ? DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                SortOrder = int.Parse(row["sort_order"], CultureInfo.InvariantCulture),
            });
            inserted++;
        }

        var fees = await db.Fees.Select(f => f.Item).ToListAsync(cancellationToken);
        foreach (var row in SeedCsv.Read(Path.Combine(SeedFolder, "fees.csv")))
        {
            var item = Enum.Parse<FeeItem>(row["item"]);
            if (!fees.Contains(item))
            {
                db.Fees.Add(new FeeRecord { Item = item, Amount = int.Parse(row["amount"], CultureInfo.InvariantCulture) });
                inserted++;
            }
        }

        var settings = await db.Settings.Select(s => s.Key).ToListAsync(cancellationToken);
        foreach (var row in SeedCsv.Read(Path.Combine(SeedFolder, "settings.csv")).Where(r => !settings.Contains(r["key"])))
        {
            db.Settings.Add(new Setting { Key = row["key"], Value = row["value"] });
            inserted++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return inserted;
    }
}
