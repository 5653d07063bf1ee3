using System.Data.Common;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Data.Pki;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

/// <summary>The first screen: for whom, which procedure (new issuance or renewal), who stands at the counter, where.</summary>
public sealed record StartApplication(long ResidentId, Procedure Procedure, ApplicantKind Applicant, string Actor, int OfficeId, int? CounterId);

/// <summary>
/// Receives a new issuance or renewal application (state Received), audited, in one transaction. R-CE-08: a second
/// start of a procedure the resident already has open opens that application instead (also under a race: the
/// database's partial unique index refuses the second row and the winner is opened); a new issuance while the resident
/// holds a valid certificate is refused, pointing to renewal or revocation.
/// </summary>
public sealed class StartApplicationHandler(CounterDbContext db, CertificateStatuses statuses, AuditTrail audit, TimeProvider time)
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

        // R-CE-08: a second start of the same procedure (a double click, a second tab) opens the open application.
        if (await OpenApplicationAsync(resident.Id, request.Procedure, cancellationToken) is { } open)
        {
            return Opened(open);
        }

        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        if (request.Procedure == Procedure.NewIssuance)
        {
            // R-CE-08: one valid certificate per resident; the message points to renewal or revocation (R-CE-04).
            var today = TokyoClock.Today(time);
            var valid = await ValidCertificates.OfResidentAsync(statuses, db, resident.Id, today, cancellationToken);
            var decision = Decision.Check([new OneValidCertificateRule(request.Procedure, valid, today)]);
            if (!decision.IsAllowed)
            {
                await audit.AppendAsync(
                    new AuditEvent
                    {
                        Actor = request.Actor,
                        Counter = counter,
                        ResidentCode = resident.ResidentCode,
                        Action = AuditAction,
                        Outcome = AuditOutcomes.Refused,
                        Details = new Dictionary<string, string?>
                        {
                            ["procedure"] = request.Procedure.ToString(),
                            ["rules"] = IssuanceAudit.Rules(decision.BrokenRules),
                            ["certificate"] = valid?.Serial,
                        },
                    },
                    cancellationToken);
                return IssuanceResult.Broken(IssuanceOutcome.Rejected, decision, IssuanceText.Get("NewIssuanceRefused"));
            }
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

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await audit.LockChainAsync(cancellationToken);

            // Every writer holds the chain lock here, so a start that committed meanwhile is seen now.
            if (await OpenApplicationAsync(resident.Id, request.Procedure, cancellationToken) is { } raced)
            {
                return Opened(raced);
            }

            db.Applications.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(
                IssuanceAudit.Event(request.Actor, counter, resident.ResidentCode, record.Id, AuditAction, AuditOutcomes.Succeeded,
                    ("procedure", request.Procedure.ToString()), ("applicant", request.Applicant.ToString())),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is DbException inner && StoreErrors.IsUniqueViolation(inner))
        {
            // The database's one-open-application index (0012) refused a start that raced past the check: open the winner.
            db.ChangeTracker.Clear();
            if (await OpenApplicationAsync(resident.Id, request.Procedure, cancellationToken) is { } winner)
            {
                return Opened(winner);
            }

            throw;
        }

        return IssuanceResult.Done() with { ApplicationId = record.Id };
    }

    /// <summary>R-CE-08: the resident's open application of this procedure (not completed, refused, cancelled or failed), or null.</summary>
    private async Task<Guid?> OpenApplicationAsync(long residentId, Procedure procedure, CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking()
            .Where(a => a.ResidentId == residentId && a.Procedure == procedure
                && a.State != ApplicationState.Completed && a.State != ApplicationState.Refused
                && a.State != ApplicationState.Cancelled && a.State != ApplicationState.Failed)
            .OrderBy(a => a.ReceivedAt)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static IssuanceResult Opened(Guid id) =>
        IssuanceResult.Done(IssuanceText.Get("OpenApplicationOpened")) with { ApplicationId = id, OpenedExisting = true };
}
