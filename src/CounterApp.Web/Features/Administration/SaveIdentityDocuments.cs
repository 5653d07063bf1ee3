using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Administration;

/// <summary>One row of the identity document list as typed: whether it is accepted, its place in the list and whether its address is checked (R-ID-02).</summary>
public sealed record IdentityDocumentInput(string Code, bool Accepted, string? SortOrder, bool AddressCheck = true);

/// <summary>The new identity document list; <paramref name="Expected"/> is the list the administrator saw (as SaveIdentityDocumentsHandler.Describe writes it).</summary>
public sealed record SaveIdentityDocuments(IReadOnlyList<IdentityDocumentInput> Documents, string Expected, string Actor);

/// <summary>
/// R-ID-01: an administrator chooses which identity documents the counter accepts and their order, and (R-ID-02) which
/// ones need their address compared with the register. At least one must stay accepted; the list is saved whole in one audited transaction (old → new of every changed row), or not at all.
/// </summary>
public sealed class SaveIdentityDocumentsHandler(CounterDbContext db, AuditTrail audit)
{
    public const string AuditAction = "admin.identity-documents.changed";

    public const int MaxSortOrder = 9999;

    /// <summary>The list as the concurrency check and the audit write it: "passport:accepted:1, …" in code order (every address checked).</summary>
    public static string Describe(IEnumerable<(string Code, bool Accepted, int SortOrder)> rows) =>
        Describe(rows.Select(r => (r.Code, r.Accepted, r.SortOrder, true)));

    /// <summary>The list as the concurrency check and the audit write it: "passport:accepted:1:no-address-check, …" in code order.</summary>
    public static string Describe(IEnumerable<(string Code, bool Accepted, int SortOrder, bool AddressCheck)> rows) =>
        string.Join(", ", rows.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => Describe(r.Code, r.Accepted, r.SortOrder, r.AddressCheck)));

    private static string Describe(string code, bool accepted, int sortOrder, bool addressCheck) =>
        string.Create(CultureInfo.InvariantCulture, $"{code}:{(accepted ? "accepted" : "refused")}:{sortOrder}{(addressCheck ? string.Empty : ":no-address-check")}");

    public async Task<AdminResult> HandleAsync(SaveIdentityDocuments request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var typed = new Dictionary<string, (bool Accepted, int SortOrder, bool AddressCheck)>(StringComparer.Ordinal);
        foreach (var row in request.Documents)
        {
            if (!int.TryParse(row.SortOrder?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var order) || order > MaxSortOrder)
            {
                return AdminResult.Refused("R-ID-01", $"documents.{row.Code}.sortOrder", "DocumentSortOrderInvalid", row.Code, MaxSortOrder);
            }

            typed[row.Code] = (row.Accepted, order, row.AddressCheck);
        }

        if (!typed.Values.Any(t => t.Accepted))
        {
            return AdminResult.Refused("R-ID-01", "documents", "DocumentsNoneAccepted");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var rows = await db.IdentityDocumentTypes.ToListAsync(cancellationToken);
        var old = rows.Select(r => (r.Code, r.Accepted, r.SortOrder, r.AddressCheck)).ToList();
        if (!string.Equals(Describe(old), request.Expected, StringComparison.Ordinal) || typed.Keys.Any(k => rows.All(r => r.Code != k)))
        {
            return AdminResult.Refused("R-ID-01", "documents", "DocumentsChangedMeanwhile");
        }

        if (!rows.Any(r => typed.TryGetValue(r.Code, out var t) ? t.Accepted : r.Accepted))
        {
            return AdminResult.Refused("R-ID-01", "documents", "DocumentsNoneAccepted");
        }

        var changes = new List<string>();
        foreach (var row in rows.Where(r => typed.ContainsKey(r.Code)))
        {
            var (accepted, order, addressCheck) = typed[row.Code];
            if (accepted != row.Accepted || order != row.SortOrder)
            {
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"{row.Code}: {(row.Accepted ? "accepted" : "refused")}/{row.SortOrder} → {(accepted ? "accepted" : "refused")}/{order}"));
                row.Accepted = accepted;
                row.SortOrder = order;
            }

            if (addressCheck != row.AddressCheck)
            {
                changes.Add($"{row.Code}: address check {(row.AddressCheck ? "on" : "off")} → {(addressCheck ? "on" : "off")}");
                row.AddressCheck = addressCheck;
            }
        }

        if (changes.Count == 0)
        {
            return AdminResult.Done();
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = request.Actor,
                Action = AuditAction,
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?>
                {
                    ["changes"] = string.Join("; ", changes),
                    ["old"] = Describe(old),
                    ["new"] = Describe(rows.Select(r => (r.Code, r.Accepted, r.SortOrder, r.AddressCheck))),
                },
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Done();
    }
}
