using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Documents;
using CounterApp.Web.Documents.Forms;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

/// <summary>The printed 電子証明書新規発行・更新申請書 (PDF) of an application, named for the download.</summary>
public sealed record ApplicationFormPrintResult(string FileName, byte[] Pdf);

/// <summary>
/// Prints 電子証明書新規発行・更新申請書 for a new-issuance or renewal application, pre-filled from the application and the
/// register entry (the resident's active card; for a renewal, the certificate being renewed) for the applicant to sign at
/// the counter. Every print is audited (R-X-01) with the resident's code.
/// </summary>
public sealed class ApplicationFormPrintHandler(CounterDbContext db, CertificateStatuses statuses, DocumentRenderer renderer, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "application.form-printed";

    /// <summary>The form, or null when there is no new-issuance or renewal application with this id.</summary>
    public async Task<ApplicationFormPrintResult?> PrintAsync(Guid applicationId, string actor, int? counterId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var application = await db.Applications.AsNoTracking().Include(a => a.Resident)
            .SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application?.Resident is not { } resident || !application.Procedure.IssuesCertificate())
        {
            return null;
        }

        var cardNumber = await db.ResidentCards.AsNoTracking()
            .Where(c => c.ResidentId == resident.Id && c.Status == CardStatus.Active)
            .Select(c => c.CardNumber).FirstOrDefaultAsync(cancellationToken);
        var renewed = application.Procedure == Procedure.Renewal
            ? await statuses.Certificates.Where(CertificateStatuses.IsValid)
                .Where(c => c.Certificate.ResidentId == resident.Id)
                .OrderBy(c => c.Certificate.IssuedOn).Select(c => c.Certificate.Serial).FirstOrDefaultAsync(cancellationToken)
            : null;
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == application.OfficeId, cancellationToken);
        var receivedOn = DateOnly.FromDateTime(TokyoClock.ToTokyo(new DateTimeOffset(DateTime.SpecifyKind(application.ReceivedAt, DateTimeKind.Utc))));
        var number = application.Id.ToString()[..8].ToUpperInvariant();
        var data = new ApplicationFormData(
            office.MunicipalityName, office.Name, application.Procedure, application.Applicant, receivedOn,
            resident.FamilyName, resident.GivenName, resident.FamilyNameKana, resident.GivenNameKana, resident.BirthDate, resident.Sex, resident.Address,
            cardNumber, renewed, number);
        var pdf = renderer.Render(new CertificateApplicationForm(data)).ToArray();
        var counter = await IssuanceAudit.CounterAsync(db, counterId, cancellationToken);
        await audit.AppendAsync(
            IssuanceAudit.Event(actor, counter, resident.ResidentCode, application.Id, AuditAction, AuditOutcomes.Succeeded,
                ("procedure", application.Procedure.ToString()), ("printedOn", TokyoClock.Today(time).ToString("O", CultureInfo.InvariantCulture))),
            cancellationToken);
        return new ApplicationFormPrintResult($"application-{number}.pdf", pdf);
    }
}

/// <summary>GET /applications/{id}/form.pdf: the application's 申請書 for the applicant's signature, counter staff only.</summary>
public static class ApplicationFormEndpoint
{
    public static string Url(Guid applicationId) => $"/applications/{applicationId}/form.pdf";

    public static async Task<IResult> PrintAsync(Guid id, ApplicationFormPrintHandler print, StaffContext staff, CancellationToken cancellationToken)
    {
        var printed = await print.PrintAsync(id, staff.UserName, staff.CounterId, cancellationToken);
        return printed is null ? Results.NotFound() : Results.File(printed.Pdf, "application/pdf", printed.FileName);
    }
}

/// <summary>Texts of the application form link: Resources/Features/Issuance/ApplicationFormText.resx (Japanese) and .en.resx.</summary>
public sealed class ApplicationFormText;
