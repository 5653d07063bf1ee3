using CounterApp.Domain.Applications;
using System.Text.Json;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Documents;
using CounterApp.Web.Documents.Forms;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Revocation;

/// <summary>The printed 失効申請書・届出書 (PDF) of a completed revocation, or null when there is none with this id.</summary>
public sealed record RevocationFormPrintResult(string Serial, byte[] Pdf);

/// <summary>
/// Prints 電子証明書失効申請・秘密鍵漏えい等届出書 (R-RV-01) for a revocation application, pre-filled from the register entry,
/// the certificate it revoked and who came; every print is audited (R-X-01) with the resident's code.
/// The certificate is the one the application's audited revocation names (the revocation and the completion commit in
/// one transaction), revoked in the CA register.
/// </summary>
public sealed class RevocationFormPrintHandler(CounterDbContext db, CertificateStatuses statuses, DocumentRenderer renderer, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "revocation.form-printed";

    public async Task<RevocationFormPrintResult?> PrintAsync(Guid applicationId, string actor, int? counterId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var application = await db.Applications.AsNoTracking().Include(a => a.History).Include(a => a.Resident)
            .SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null || application.Resident is null || !application.Procedure.Revokes())
        {
            return null;
        }

        var resident = application.Resident;

        var completedAt = application.History.Where(h => h.ToState == ApplicationState.Completed).Select(h => (DateTime?)h.At).FirstOrDefault();
        if (completedAt is null)
        {
            return null;
        }

        // The audit entry of the revocation names the application and the serial; the CA register says it is revoked.
        var code = resident.ResidentCode;
        var id = application.Id.ToString();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ResidentCode == code && a.Action == CertificateRegister.RevokedAction && a.Outcome == AuditOutcomes.Succeeded && a.Details != null && a.Details.Contains(id))
            .OrderBy(a => a.Id)
            .Select(a => a.Details!)
            .ToListAsync(cancellationToken);
        var serials = entries.Select(RevokedSerial).OfType<string>().ToList();
        var certificate = await statuses.Certificates.AsNoTracking()
            .Where(CertificateStatuses.IsRevoked)
            .Where(c => c.Certificate.ResidentId == resident.Id && serials.Contains(c.Certificate.Serial))
            .Select(c => new { c.Certificate.Serial, c.Certificate.CardId })
            .FirstOrDefaultAsync(cancellationToken);
        if (certificate is null)
        {
            return null;
        }

        var cardNumber = await db.ResidentCards.AsNoTracking().Where(c => c.Id == certificate.CardId).Select(c => c.CardNumber).FirstOrDefaultAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == application.OfficeId, cancellationToken);
        var receivedOn = DateOnly.FromDateTime(TokyoClock.ToTokyo(new DateTimeOffset(DateTime.SpecifyKind(application.ReceivedAt, DateTimeKind.Utc))));
        var data = new ApplicationFormData(
            office.MunicipalityName, office.Name, application.Procedure, application.Applicant, receivedOn,
            resident.FamilyName, resident.GivenName, resident.FamilyNameKana, resident.GivenNameKana, resident.BirthDate, resident.Sex, resident.Address,
            cardNumber, certificate.Serial, application.Id.ToString()[..8].ToUpperInvariant());
        var pdf = renderer.Render(new RevocationApplicationForm(data)).ToArray();
        var counter = await RevocationAudit.CounterAsync(db, counterId, cancellationToken);
        await audit.AppendAsync(
            RevocationAudit.Event(actor, counter, resident.ResidentCode, application.Id, AuditAction, AuditOutcomes.Succeeded,
                ("serial", certificate.Serial), ("procedure", application.Procedure.ToString()), ("printedOn", TokyoClock.Today(time).ToString("O", System.Globalization.CultureInfo.InvariantCulture))),
            cancellationToken);
        return new RevocationFormPrintResult(certificate.Serial, pdf);
    }

    private static string? RevokedSerial(string details)
    {
        using var json = JsonDocument.Parse(details);
        return json.RootElement.TryGetProperty("serial", out var serial) && serial.ValueKind == JsonValueKind.String ? serial.GetString() : null;
    }
}
