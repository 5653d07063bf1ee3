using CounterApp.Domain.Applications;
using CounterApp.Domain.Calendar;
using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Periods;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Features.Approvals;
using CounterApp.Web.Features.RulesDemo;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.Issuance;

public sealed record CheckEligibility(Guid ApplicationId, string Actor, int? CounterId);

/// <summary>
/// Eligibility (R-EL-01..06), counter hours (R-HR-01/02), for renewal the window (R-CE-04) and for a new issuance one
/// valid certificate per resident (R-CE-08): every broken rule at
/// once, with its message. Refused closes the application with the rules (RefusedFor); passed is kept in its history.
/// </summary>
public sealed class CheckEligibilityHandler(CounterDbContext db, CertificateStatuses statuses, AuditTrail audit, IOptions<CounterSettings> settings, TimeProvider time)
{
    public const string AuditAction = "application.eligibility-checked";

    public async Task<IssuanceResult> HandleAsync(CheckEligibility request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
        if (loaded is null)
        {
            return IssuanceResult.NotFound();
        }

        var application = loaded.Application;
        if (application.State != ApplicationState.Received || !application.Procedure.IssuesCertificate())
        {
            return IssuanceResult.WrongStep(application.State.ToString());
        }

        var reference = await CounterReference.LoadAsync(db, request.CounterId, cancellationToken)
            ?? throw new InvalidOperationException("The office has no counter hours configured.");
        var tokyoNow = TokyoClock.Now(time);
        var today = DateOnly.FromDateTime(tokyoNow);
        var card = await IssuanceQueries.CurrentCardAsync(db, loaded.Resident.Id, cancellationToken);
        var overrides = await ApprovedOverrides.ForAsync(db, application.Id, cancellationToken); // R-HR-03, approved by a supervisor
        var lastAcceptance = await AdminSettings.LastAcceptanceAsync(db, settings.Value.LastAcceptance, cancellationToken); // R-EL-06, the administrator's
        var decisions = new List<Decision>
        {
            EligibilityRules.Check(new EligibilityRequest(
                application.Procedure, loaded.Resident.ToDomain(), card?.ToDomain(loaded.Resident.ResidentCode), reference.Office, tokyoNow, lastAcceptance)),
            CounterHoursRules.Check(reference.Hours, tokyoNow, overrides),
        };
        if (application.Procedure == Procedure.Renewal)
        {
            decisions.Add(await RenewalWindowAsync(statuses, card, today, cancellationToken));
        }
        else
        {
            // R-CE-08: one valid certificate per resident (a certificate issued since the start counts too).
            var valid = await ValidCertificates.OfResidentAsync(statuses, db, loaded.Resident.Id, today, cancellationToken);
            decisions.Add(Decision.Check([new OneValidCertificateRule(application.Procedure, valid, today)]));
        }

        var decision = Decision.Combine(decisions);
        var now = time.GetUtcNow();
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        if (OverrideHold.Applies(decision))
        {
            // Only counter hours refused: the application stays at this step so a supervisor may override (R-HR-03).
            await audit.AppendAsync(
                IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Refused, ("rules", IssuanceAudit.Rules(decision.BrokenRules)), ("held", "R-HR-03")),
                cancellationToken);
            return IssuanceResult.Broken(IssuanceOutcome.Rejected, decision, OverrideHold.Message) with { ApplicationId = loaded.Record.Id };
        }

        if (!decision.IsAllowed)
        {
            application.Refuse(decision, now, request.Actor);
            return await StepCommit.CommitAsync(db, audit, loaded,
                [IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Refused, ("rules", IssuanceAudit.Rules(decision.BrokenRules)))],
                IssuanceResult.Broken(IssuanceOutcome.Refused, decision, IssuanceText.Get("Refused")), cancellationToken);
        }

        application.MarkEligible(decision, now, request.Actor);
        return await StepCommit.CommitAsync(db, audit, loaded,
            [IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Succeeded, ("procedure", application.Procedure.ToString()),
                ("overrides", ApprovedOverrides.Describe(decision)))],
            IssuanceResult.Done(), cancellationToken);
    }

    /// <summary>
    /// R-CE-04 for a renewal: the card's current certificate must be within its renewal window today. Nothing to renew is
    /// judged as an expired certificate: the message says a new issuance is needed. Also asked at the second visit.
    /// </summary>
    public static async Task<Decision> RenewalWindowAsync(CertificateStatuses statuses, ResidentCardRecord? card, DateOnly today, CancellationToken cancellationToken = default)
    {
        var current = card is null ? null : await IssuanceQueries.ActiveCertificateAsync(statuses, card.Id, null, cancellationToken);
        return Decision.Check([current is null ? new RenewalWindowRule(today.AddDays(-1), today) : new RenewalWindowRule(current.ExpiresOn, today)]);
    }
}
