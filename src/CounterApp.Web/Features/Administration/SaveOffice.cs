using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Administration;

/// <summary>
/// An office as typed: <paramref name="OfficeId"/> null adds one. <paramref name="Ward"/> (R-EL-05) is the ward a ward
/// office serves; empty for a municipality without ward offices, or for its main office. <paramref name="Expected"/> is
/// the office the administrator saw (<see cref="OrganizationRules.Describe(Office)"/>); ignored when adding.
/// </summary>
public sealed record SaveOffice(int? OfficeId, string? Code, string? Name, string? Ward, string Expected, string Actor);

/// <summary>
/// Adds or edits an office (main office, ward office or branch). A new one takes the municipality of the existing
/// offices. Codes are unique. Offices are never deleted: their receipts, ledgers and applications refer to them.
/// </summary>
public sealed class SaveOfficeHandler(CounterDbContext db, AuditTrail audit)
{
    public const string AddedAction = "admin.office.added";

    public const string ChangedAction = "admin.office.changed";

    public async Task<AdminResult> HandleAsync(SaveOffice request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = request.Code?.Trim();
        var name = OrganizationRules.Trimmed(request.Name);
        var ward = OrganizationRules.Trimmed(request.Ward);
        if (!OrganizationRules.IsOfficeCode(code))
        {
            return AdminResult.Refused("R-X-03", "office.code", "OfficeCodeInvalid", code, OrganizationRules.MaxOfficeCodeLength);
        }

        if (!OrganizationRules.IsName(name))
        {
            return AdminResult.Refused("R-X-03", "office.name", "NameInvalid", AdminText.Get("OfficeName"), OrganizationRules.MaxNameLength);
        }

        if (ward is not null && !OrganizationRules.IsName(ward))
        {
            return AdminResult.Refused("R-EL-05", "office.ward", "NameInvalid", AdminText.Get("OfficeWard"), OrganizationRules.MaxNameLength);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var offices = await db.Offices.OrderBy(o => o.Id).ToListAsync(cancellationToken);
        if (offices.Any(o => o.Id != request.OfficeId && string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            return AdminResult.Refused("R-X-03", "office.code", "OfficeCodeDuplicate", code);
        }

        Office office;
        string? old = null;
        if (request.OfficeId is { } id)
        {
            office = offices.FirstOrDefault(o => o.Id == id)!;
            if (office is null)
            {
                return AdminResult.Refused("R-X-03", "office", "OfficeUnknown");
            }

            old = OrganizationRules.Describe(office);
            if (!string.Equals(old, request.Expected, StringComparison.Ordinal))
            {
                return AdminResult.Refused("R-X-03", "office", "SettingsChangedMeanwhile");
            }

            office.Code = code!;
            office.Name = name!;
            office.Ward = ward;
            if (string.Equals(old, OrganizationRules.Describe(office), StringComparison.Ordinal))
            {
                return AdminResult.Done();
            }
        }
        else
        {
            if (offices.Count == 0)
            {
                return AdminResult.Refused("R-X-03", "office", "OfficeUnknown");
            }

            var first = offices[0];
            // A new office opens with the first office's counter hours (R-HR-01), so its counters can take
            // applications at once; the administrator adjusts them on /admin/hours?office=.
            var hours = await db.OfficeSessions.AsNoTracking().Where(h => h.OfficeId == first.Id).ToListAsync(cancellationToken);
            office = new Office
            {
                Code = code!,
                Name = name!,
                Ward = ward,
                MunicipalityCode = first.MunicipalityCode,
                MunicipalityName = first.MunicipalityName,
                PrefectureName = first.PrefectureName,
                Sessions = [.. hours.Select(h => new OfficeSession { Start = h.Start, End = h.End })],
            };
            db.Offices.Add(office);
        }

        await db.SaveChangesAsync(cancellationToken);
        var details = new Dictionary<string, string?>
        {
            ["office"] = office.Id.ToString(CultureInfo.InvariantCulture),
            ["new"] = OrganizationRules.Describe(office),
        };
        if (old is not null)
        {
            details["old"] = old;
        }

        await audit.AppendAsync(
            new AuditEvent { Actor = request.Actor, Action = old is null ? AddedAction : ChangedAction, Outcome = AuditOutcomes.Succeeded, Details = details },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Done(office.Id.ToString(CultureInfo.InvariantCulture));
    }
}
