using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;
using CounterApp.Domain.Visits;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Approvals;
using CounterApp.Web.Features.DocumentCopies;
using CounterApp.Web.Features.RulesDemo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.Issuance;

/// <summary>The resident's photo identity document as the clerk enters it, with its scanned copy (R-ID-04).</summary>
public sealed record RecordIdentityDocument(
    Guid ApplicationId,
    string? TypeCode,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    bool AddressMatchesRegister,
    string? CopyContentType,
    byte[]? Copy,
    string Actor,
    int? CounterId);

/// <summary>
/// R-ID-01..04 and R-VI-01: the document must be accepted, current and show the registered address, and the visit
/// must allow a same-day issue; then the document and its encrypted copy are kept. Two visits (R-VI-02) are said
/// plainly and only the decision is kept (<see cref="VisitOnFile"/>): the inquiry letter is another procedure. Once a
/// document (or that decision) is on file, another one is refused: the first visit is decided. A proxy (R-VI-03) always gets two visits;
/// the proxy's own accepted document and its copy are kept first (the letter needs it on file).
/// </summary>
public sealed class RecordIdentityDocumentHandler(
    CounterDbContext db, AuditTrail audit, DocumentCopyStore copies, IOptions<DocumentCopyOptions> copyOptions, TimeProvider time)
{
    public const string AuditAction = "application.document-recorded";

    public async Task<IssuanceResult> HandleAsync(RecordIdentityDocument request, CancellationToken cancellationToken = default)
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

        if (await VisitOnFile.FinalAsync(db, loaded.Record.Id, loaded.Application.Applicant, cancellationToken) is { } decidedBy)
        {
            return AlreadyDecided(decidedBy, loaded);
        }

        var reference = await CounterReference.LoadAsync(db, cancellationToken)
            ?? throw new InvalidOperationException("The office has no reference data.");
        if (Validate(request, reference.Documents) is { } invalid)
        {
            return invalid;
        }

        var today = TokyoClock.Today(time);
        var card = await IssuanceQueries.CurrentCardAsync(db, loaded.Resident.Id, cancellationToken);
        if (card is null)
        {
            return IssuanceResult.Invalid("R-EL-02", "resident.card", IssuanceText.Get("NoCard"));
        }

        var overrides = await ApprovedOverrides.ForAsync(db, loaded.Record.Id, cancellationToken); // R-ID-02, approved by a supervisor
        // R-VI-03: a proxy's document is the proxy's own (recorded, copied); R-ID-02 concerns the resident's address only.
        var proxy = loaded.Application.Applicant == ApplicantKind.Proxy;
        var holder = proxy ? DocumentHolder.Proxy : DocumentHolder.Resident;
        var document = new PresentedIdentityDocument(request.TypeCode!, holder, request.IssuedOn, request.ExpiresOn, proxy || request.AddressMatchesRegister);
        var documentDecision = IdentityDocumentRules.Check(document, reference.Documents, today, overrides);
        var visit = VisitRules.Decide(new FirstVisit(loaded.Application.Applicant, card.ToDomain(loaded.Resident.ResidentCode), [document], today), reference.Documents, overrides);
        var decision = Decision.Combine(documentDecision, visit.Decision);
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        if (visit.Plan == VisitPlan.TwoVisits && !proxy)
        {
            // No document is kept (none was accepted); the decision is, so the page shows the letter after a reload.
            await using var decided = await db.Database.BeginTransactionAsync(cancellationToken);
            await audit.LockChainAsync(cancellationToken);
            if (await VisitOnFile.FinalAsync(db, loaded.Record.Id, loaded.Application.Applicant, cancellationToken) is { } raced)
            {
                return AlreadyDecided(raced, loaded);
            }

            if (await VisitOnFile.DecidedByAsync(db, loaded.Record.Id, loaded.Application.Applicant, cancellationToken) is null)
            {
                await VisitOnFile.AddNoteAsync(db, loaded.Record.Id, visit.DecidingRuleId, time.GetUtcNow(), request.Actor, cancellationToken);
            }

            await audit.AppendAsync(
                IssuanceAudit.Event(request.Actor, counter, loaded, "application.visit-decided", "two-visits", ("rule", visit.DecidingRuleId), ("type", document.TypeCode)),
                cancellationToken);
            await decided.CommitAsync(cancellationToken);
            return new IssuanceResult(IssuanceOutcome.TwoVisits, decision.BrokenRules, visit.Explanation + " " + IssuanceText.Get("TwoVisitsElsewhere"))
            {
                ApplicationId = loaded.Record.Id,
            };
        }

        if (!decision.IsAllowed)
        {
            await audit.AppendAsync(
                IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Refused, ("rules", IssuanceAudit.Rules(decision.BrokenRules)), ("type", document.TypeCode)),
                cancellationToken);
            return IssuanceResult.Broken(IssuanceOutcome.Rejected, decision, IssuanceText.Get("DocumentRejected")) with { ApplicationId = loaded.Record.Id };
        }

        var record = new PresentedDocumentRecord
        {
            ApplicationId = loaded.Record.Id,
            Kind = PresentedDocumentKind.IdentityDocument,
            TypeCode = document.TypeCode,
            Holder = holder,
            IssuedOn = document.IssuedOn,
            ExpiresOn = document.ExpiresOn,
            AddressMatchesRegister = document.AddressMatchesRegister,
            RecordedAt = AuditChain.Stored(time.GetUtcNow()),
            RecordedBy = request.Actor,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await audit.LockChainAsync(cancellationToken);
            if (await VisitOnFile.FinalAsync(db, loaded.Record.Id, loaded.Application.Applicant, cancellationToken) is { } racedDocument)
            {
                return AlreadyDecided(racedDocument, loaded); // another submit of the same form got here first
            }

            db.PresentedDocuments.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            if (!proxy && loaded.Application.RecordedVisitRule == "R-VI-02")
            {
                // An accepted photo document after an R-VI-02 decision: same-day issue after all (R-VI-01). The
                // application records it, so it lets the fee be taken (it refuses it while R-VI-02 stands).
                loaded.Application.RecordVisitDecision(VisitPlan.SameDay, visit.DecidingRuleId, time.GetUtcNow(), request.Actor);
                var saved = await ApplicationMapper.SaveAsync(db, loaded.Application, loaded.Record, cancellationToken);
                if (!saved.Succeeded)
                {
                    return IssuanceResult.Conflict(saved.Message);
                }
            }

            await audit.AppendAsync(
                IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Succeeded, ("type", document.TypeCode), ("visit", visit.DecidingRuleId),
                    ("overrides", ApprovedOverrides.Describe(decision)), ("document", record.Id.ToString(CultureInfo.InvariantCulture))),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // The copy store seals and audits in its own transaction; if it still refuses, the document goes too.
        var stored = await copies.StoreAsync(record.Id, request.CopyContentType, request.Copy!, request.Actor, cancellationToken);
        if (!stored.Stored)
        {
            await RemoveAsync(record, request.Actor, counter, loaded, cancellationToken);
            return IssuanceResult.Invalid("R-ID-04", "document.copy", stored.Message ?? IssuanceText.Get("CopyRequired"));
        }

        return proxy
            ? new IssuanceResult(IssuanceOutcome.TwoVisits, [], visit.Explanation + " " + IssuanceText.Get("TwoVisitsElsewhere")) { ApplicationId = loaded.Record.Id }
            : IssuanceResult.Done(visit.Explanation) with { ApplicationId = loaded.Record.Id };
    }

    /// <summary>One identity document per first visit: the one on file (or the two-visit decision) already decided it.</summary>
    private static IssuanceResult AlreadyDecided(string ruleId, LoadedApplication loaded) =>
        IssuanceResult.Invalid(ruleId, "document", IssuanceText.Get("DocumentAlreadyDecided", ruleId)) with { ApplicationId = loaded.Record.Id };

    private IssuanceResult? Validate(RecordIdentityDocument request, IdentityDocumentCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(request.Actor))
        {
            return IssuanceResult.Invalid("R-X-01", "actor", IssuanceText.Get("ActorRequired"));
        }

        if (string.IsNullOrEmpty(request.TypeCode) || catalog.Find(request.TypeCode) is null)
        {
            return IssuanceResult.Invalid("R-ID-01", "document.typeCode", IssuanceText.Get("DocumentTypeRequired"));
        }

        // R-ID-03: a kind of document with an expiry date is not judged without it (a blank date must not skip the check).
        var entered = IdentityDocumentRules.CheckEntered(
            new PresentedIdentityDocument(request.TypeCode, DocumentHolder.Resident, request.IssuedOn, request.ExpiresOn, request.AddressMatchesRegister), catalog);
        if (entered.BrokenRules is [var missing, ..])
        {
            return IssuanceResult.Invalid(missing.RuleId, missing.Field, missing.Message);
        }

        if (request.IssuedOn is { } issued && request.ExpiresOn is { } expires && expires < issued)
        {
            return IssuanceResult.Invalid("R-X-03", "document.expiresOn", IssuanceText.Get("DocumentDatesOrder"));
        }

        var type = DocumentContentTypes.Normalize(request.CopyContentType);
        if (request.Copy is not { Length: > 0 } copy || type is null || !DocumentContentTypes.Matches(type, copy))
        {
            return IssuanceResult.Invalid("R-ID-04", "document.copy", IssuanceText.Get("CopyRequired"));
        }

        return copy.Length > copyOptions.Value.MaxBytes
            ? IssuanceResult.Invalid("R-ID-04", "document.copy", IssuanceText.Get("CopyTooLarge", copyOptions.Value.MaxBytes))
            : null;
    }

    private async Task RemoveAsync(PresentedDocumentRecord record, string actor, string? counter, LoadedApplication loaded, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        await db.PresentedDocuments.Where(d => d.Id == record.Id && d.Copy == null).ExecuteDeleteAsync(cancellationToken);
        await audit.AppendAsync(
            IssuanceAudit.Event(actor, counter, loaded, AuditAction, AuditOutcomes.Failed, ("document", record.Id.ToString(CultureInfo.InvariantCulture)), ("reason", "copy not stored")),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
