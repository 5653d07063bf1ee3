using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

/// <summary>The first screen: for whom, which procedure (new issuance or renewal), who stands at the counter, where.</summary>
public sealed record StartApplication(long ResidentId, Procedure Procedure, ApplicantKind Applicant, string Actor, int OfficeId, int? CounterId);

/// <summary>Receives a new issuance or renewal application (state Received), audited, in one transaction.</summary>
public sealed class StartApplicationHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "application.received";

    public async Task<IssuanceResult> HandleAsync(StartApplication request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Actor))
        {
            return IssuanceResult.Invalid("R-X-01", "actor", IssuanceText.Get("ActorRequired"));
        }

        if (!request.Procedure.IssuesCertificate())
        {
            return IssuanceResult.Invalid("R-X-03", "procedure", IssuanceText.Get("ProcedureNotIssuance"));
        }

        if (!Enum.IsDefined(request.Applicant))
        {
            // A proxy is received too: the visit rules send it to two visits (R-VI-03) at the document step.
            return IssuanceResult.Invalid("R-X-03", "applicant", IssuanceText.Get("ApplicantLegend") + ": " + IssuanceText.Get("ChooseOne"));
        }

        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == request.ResidentId).Select(r => new { r.Id, r.ResidentCode }).SingleOrDefaultAsync(cancellationToken);
        if (resident is null)
        {
            return IssuanceResult.Invalid("R-EL-01", "resident", IssuanceText.Get("ResidentNotFound"));
        }

        if (!await db.Offices.AnyAsync(o => o.Id == request.OfficeId, cancellationToken))
        {
            return IssuanceResult.Invalid("R-X-03", "office", IssuanceText.Get("OfficeNotFound"));
        }

        if (request.CounterId is { } counterId && !await db.Counters.AnyAsync(c => c.Id == counterId && c.OfficeId == request.OfficeId, cancellationToken))
        {
            return IssuanceResult.Invalid("R-X-03", "counter", IssuanceText.Get("CounterNotFound"));
        }

        var now = time.GetUtcNow();
        var application = Application.Receive(Guid.NewGuid(), request.Procedure, request.Applicant, resident.ResidentCode, now, request.Actor);
        var record = new ApplicationRecord
        {
            Id = application.Id,
            OfficeId = request.OfficeId,
            CounterId = request.CounterId,
            ResidentId = resident.Id,
            Procedure = application.Procedure,
            Applicant = application.Applicant,
            ReceivedAt = AuditChain.Stored(now),
            ReceivedBy = request.Actor,
        };
        ApplicationMapper.Apply(application, record);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        db.Applications.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        await audit.AppendAsync(
            IssuanceAudit.Event(request.Actor, counter, resident.ResidentCode, record.Id, AuditAction, AuditOutcomes.Succeeded,
                ("procedure", request.Procedure.ToString()), ("applicant", request.Applicant.ToString())),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return IssuanceResult.Done() with { ApplicationId = record.Id };
    }
}
