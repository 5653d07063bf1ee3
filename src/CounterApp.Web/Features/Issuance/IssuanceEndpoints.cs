using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Documents;
using CounterApp.Web.Documents.Certificates;
using CounterApp.Web.Features.CertificateAuthority;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.Issuance;

/// <summary>
/// GET /applications/{id}/progress (the card session's live step, JSON), GET /certificates/{id}/copy.pdf (R-CE-06) and
/// GET /applications/{id}/form.pdf (the 申請書 to sign).
/// </summary>
public static class IssuanceEndpoints
{
    private static readonly AuthorizeAttribute CounterStaff = new() { Roles = StaffRoles.Clerk + "," + StaffRoles.Supervisor };

    public static WebApplication MapIssuance(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/applications/{id:guid}/progress", (Guid id, IssuanceProgress progress) =>
            progress.Current(id) is { } state
                ? Results.Json(new { step = state.Step.ToString(), running = state.Running })
                : Results.Json(new { step = (string?)null, running = false }))
            .RequireAuthorization(CounterStaff);
        app.MapGet("/certificates/{id:long}/copy.pdf", CopyAsync).RequireAuthorization(CounterStaff);
        app.MapGet("/applications/{id:guid}/form.pdf", ApplicationFormEndpoint.PrintAsync).RequireAuthorization(CounterStaff);
        return app;
    }

    private static async Task<IResult> CopyAsync(
        long id, CounterDbContext db, CertificateStatuses statuses, PrefecturalCa ca, DocumentRenderer renderer, IOptions<PkiOptions> pki, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var row = await (from c in db.Certificates.AsNoTracking()
                         join r in db.Residents.AsNoTracking() on c.ResidentId equals r.Id
                         where c.Id == id
                         select new { Certificate = c, Resident = r }).SingleOrDefaultAsync(cancellationToken);

        // The copy is printed from a certificate the CA register holds (its DER), not from a record of it.
        if (row is null || await statuses.DerAsync(row.Certificate.Serial, cancellationToken) is null)
        {
            return Results.NotFound();
        }

        var office = await db.Offices.AsNoTracking().OrderBy(o => o.Id).FirstAsync(cancellationToken);
        var resident = row.Resident.ToDomain();
        var data = new CertificateCopyData(
            office.MunicipalityName, office.Name, row.Certificate.Serial, resident.FullName, resident.FullNameKana, resident.BirthDate, resident.Sex, resident.Address,
            pki.Value.Governor, row.Certificate.IssuedOn, row.Certificate.ExpiresOn, Documents.Certificates.CaFingerprint.FromCertificate(ca.CertificateDer.Span), TokyoClock.Today(time));
        var pdf = renderer.Render(new CertificateCopyDocument(data));
        return Results.File(pdf.ToArray(), "application/pdf", $"certificate-{row.Certificate.Serial}.pdf");
    }
}
