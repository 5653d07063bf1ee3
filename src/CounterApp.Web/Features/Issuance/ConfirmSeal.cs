using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Rules;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Approvals;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

public sealed record ConfirmSeal(Guid ApplicationId, bool SealConfirmed, string Actor, int? CounterId);

/// <summary>
/// R-ID-05: the clerk confirms the applicant's seal at the visit where the certificate is issued. With an accepted
/// identity document on file and its copy kept (R-ID-04), the application's identity is verified.
/// </summary>
public sealed class ConfirmSealHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "application.identity-verified";

    public async Task<IssuanceResult> HandleAsync(ConfirmSeal request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
        if (loaded is null)
        {
            return IssuanceResult.NotFound();
        }

        if (loaded.Application.State != ApplicationState.Received || !loaded.Application.IsEligibilityConfirmed)
        {
            return IssuanceResult.WrongStep(loaded.Application.State.ToString());
        }

        var documented = await db.PresentedDocuments.AsNoTracking().AnyAsync(
            d => d.ApplicationId == request.ApplicationId && d.Kind == PresentedDocumentKind.IdentityDocument && d.Holder == DocumentHolder.Resident && d.Copy != null,
            cancellationToken);
        if (!documented)
        {
            return IssuanceResult.Invalid("R-ID-04", "document", IssuanceText.Get("DocumentFirst"));
        }

        var decision = Decision.Check([new SealConfirmedRule(request.SealConfirmed)]);
        if (!decision.IsAllowed)
        {
            return IssuanceResult.Broken(IssuanceOutcome.Rejected, decision, decision.BrokenRules[0].Message) with { ApplicationId = loaded.Record.Id };
        }

        // An approved R-ID-02 override on this application is the one the document check used: the history names it.
        var overrides = await ApprovedOverrides.ForAsync(db, loaded.Record.Id, cancellationToken);
        loaded.Application.MarkIdentityVerified(time.GetUtcNow(), request.Actor, [.. overrides.Where(o => o.RuleId == "R-ID-02")]);
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        return await StepCommit.CommitAsync(db, audit, loaded,
            [IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Succeeded, ("seal", "confirmed"))],
            IssuanceResult.Done(), cancellationToken);
    }
}
