using CounterApp.Domain.Residents;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Residents;

/// <summary>One resident in the search results, with their newest card and whether a certificate is in force.</summary>
public sealed record ResidentSearchRow(
    long Id,
    string ResidentCode,
    string FamilyName,
    string GivenName,
    string FamilyNameKana,
    string GivenNameKana,
    DateOnly BirthDate,
    RegisterStatus RegisterStatus,
    string? CardNumber,
    DateOnly? CardExpiryDate,
    bool HasActiveCertificate);

/// <summary>The search's answer: how the input was read, at most <see cref="ResidentSearch.Limit"/> rows, and whether more matched; or the input's error.</summary>
public sealed record ResidentSearchResult(ResidentQuery? Query, IReadOnlyList<ResidentSearchRow> Rows, bool HasMore, string? Error)
{
    public static ResidentSearchResult Invalid(string error) => new(null, [], false, error);
}

/// <summary>
/// Finds residents from one search string (see <see cref="ResidentQuery"/>): 住民票コード, card number and birth date
/// exactly (each an indexed equality), otherwise part of the name or kana on <c>residents.search_key</c>, folded as
/// <see cref="ResidentSearchKey"/> folds it (ｱ = ア = あ). One SQL statement per search: the page of ids is chosen in a
/// subquery, so the newest card and the certificate check are computed for those rows only, never per row in C#.
/// </summary>
public sealed class ResidentSearch(CounterDbContext db, CertificateStatuses statuses, TimeProvider time)
{
    /// <summary>The most rows a search returns.</summary>
    public const int Limit = 50;

    public async Task<ResidentSearchResult> SearchAsync(string? input, CancellationToken cancellationToken = default)
    {
        var query = ResidentQuery.Parse(input, out var error);
        if (query is null)
        {
            return ResidentSearchResult.Invalid(error!);
        }

        var today = TokyoClock.Today(time);
        var matching = Matching(query);
        var page = matching
            .OrderBy(r => r.FamilyNameKana).ThenBy(r => r.GivenNameKana).ThenBy(r => r.BirthDate).ThenBy(r => r.Id)
            .Select(r => r.Id)
            .Take(Limit + 1);
        var rows = await db.Residents.AsNoTracking()
            .Where(r => page.Contains(r.Id))
            .OrderBy(r => r.FamilyNameKana).ThenBy(r => r.GivenNameKana).ThenBy(r => r.BirthDate).ThenBy(r => r.Id)
            .Select(r => new ResidentSearchRow(
                r.Id,
                r.ResidentCode,
                r.FamilyName,
                r.GivenName,
                r.FamilyNameKana,
                r.GivenNameKana,
                r.BirthDate,
                r.RegisterStatus,
                r.Cards.OrderByDescending(c => c.Id).Select(c => c.CardNumber).FirstOrDefault(),
                r.Cards.OrderByDescending(c => c.Id).Select(c => (DateOnly?)c.ExpiryDate).FirstOrDefault(),
                statuses.Certificates.Where(CertificateStatuses.IsValid).Any(c => c.Certificate.ResidentId == r.Id && c.Certificate.ExpiresOn >= today)))
            .ToListAsync(cancellationToken);

        return new ResidentSearchResult(query, rows.Take(Limit).ToList(), rows.Count > Limit, null);
    }

    private IQueryable<ResidentRecord> Matching(ResidentQuery query)
    {
        var residents = db.Residents.AsNoTracking();
        switch (query.Kind)
        {
            case ResidentQueryKind.ResidentCode:
                return residents.Where(r => r.ResidentCode == query.Value);
            case ResidentQueryKind.BirthDate:
                var birth = query.BirthDate!.Value;
                return residents.Where(r => r.BirthDate == birth);
            case ResidentQueryKind.CardNumber:
                // Card numbers are stored as the register sends them (upper case in practice); a typed lower case still finds them.
                // An IN (subquery) driven by the card number's unique index, not a scan of residents probing cards.
                var typed = query.Value;
                var upper = typed.ToUpperInvariant();
                var owners = db.ResidentCards.Where(c => c.CardNumber == typed || c.CardNumber == upper).Select(c => c.ResidentId);
                return residents.Where(r => owners.Contains(r.Id));
            default:
                var key = query.Value;
                return residents.Where(r => r.SearchKey.Contains(key));
        }
    }
}
