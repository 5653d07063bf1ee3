using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Administration;

/// <summary>The municipality as typed; <paramref name="Expected"/> is what the administrator saw (<see cref="OrganizationRules.DescribeMunicipality"/>).</summary>
public sealed record SaveMunicipality(string? Code, string? Name, string? Prefecture, string Expected, string Actor);

/// <summary>
/// The municipality's 地方公共団体コード, name and prefecture, kept on every office row (R-EL-01/02 compare residents with
/// it; the prefecture names the CA). All offices change together in one audited transaction, or none.
/// </summary>
public sealed class SaveMunicipalityHandler(CounterDbContext db, AuditTrail audit)
{
    public const string AuditAction = "admin.municipality.changed";

    public async Task<AdminResult> HandleAsync(SaveMunicipality request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = request.Code?.Trim();
        var name = OrganizationRules.Trimmed(request.Name);
        var prefecture = OrganizationRules.Trimmed(request.Prefecture);
        if (!OrganizationRules.IsMunicipalityCode(code))
        {
            return AdminResult.Refused("R-X-03", "municipality.code", "MunicipalityCodeInvalid", code);
        }

        if (!OrganizationRules.IsName(name))
        {
            return AdminResult.Refused("R-X-03", "municipality.name", "NameInvalid", AdminText.Get("MunicipalityName"), OrganizationRules.MaxNameLength);
        }

        if (!OrganizationRules.IsName(prefecture))
        {
            return AdminResult.Refused("R-X-03", "municipality.prefecture", "NameInvalid", AdminText.Get("PrefectureName"), OrganizationRules.MaxNameLength);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var offices = await db.Offices.OrderBy(o => o.Id).ToListAsync(cancellationToken);
        if (offices.Count == 0)
        {
            return AdminResult.Refused("R-X-03", "municipality", "OfficeUnknown");
        }

        var old = OrganizationRules.DescribeMunicipality(offices[0]);
        if (!string.Equals(old, request.Expected, StringComparison.Ordinal))
        {
            return AdminResult.Refused("R-X-03", "municipality", "SettingsChangedMeanwhile");
        }

        foreach (var office in offices)
        {
            office.MunicipalityCode = code!;
            office.MunicipalityName = name!;
            office.PrefectureName = prefecture!;
        }

        var now = OrganizationRules.DescribeMunicipality(offices[0]);
        if (string.Equals(old, now, StringComparison.Ordinal))
        {
            return AdminResult.Done(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(AdminAudit.Changed(request.Actor, AuditAction, old, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Done(now);
    }
}
