using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Time;
using CounterApp.Domain.Visits;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.RulesDemo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>The clerk asks for the inquiry letter of an application the rules send to two visits.</summary>
public sealed record PrepareInquiryLetter(Guid ApplicationId, string Actor, int? CounterId);

/// <summary>
/// R-VI-02/03: the visit rules are asked again with the documents on file; only when they say two visits is a letter
/// prepared, addressed from the register (R-VI-05), valid for the configured days from mailing (R-VI-04). The letter
/// is "to be mailed": the application moves on only when it is marked mailed.
/// </summary>
public sealed class PrepareInquiryLetterHandler(CounterDbContext db, AuditTrail audit, IOptions<LetterOptions> options, TimeProvider time)
{
    public const string AuditAction = "letter.prepared";

    public async Task<LetterResult> HandleAsync(PrepareInquiryLetter request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Actor))
        {
            return LetterResult.Invalid("R-X-01", "actor", LetterText.Get("ActorRequired"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
        if (loaded is null)
        {
            return LetterResult.NotFound();
        }

        if (loaded.Application.State != ApplicationState.Received || !loaded.Application.IsEligibilityConfirmed)
        {
            return LetterResult.Invalid("R-X-03", "application.state", LetterText.Get("WrongStep", Issuance.IssuanceText.State(loaded.Application.State)));
        }

        if (await db.InquiryLetters.AnyAsync(
            l => l.ApplicationId == request.ApplicationId && (l.Status == LetterStatus.Prepared || l.Status == LetterStatus.Mailed), cancellationToken))
        {
            return LetterResult.Invalid("R-VI-04", "letter", LetterText.Get("AlreadyHasLetter"));
        }

        var today = TokyoClock.Today(time);
        var card = await IssuanceQueries.CurrentCardAsync(db, loaded.Resident.Id, cancellationToken);
        var reference = await CounterReference.LoadAsync(db, cancellationToken)
            ?? throw new InvalidOperationException("The office has no reference data.");
        if (card is null)
        {
            return LetterResult.Invalid("R-EL-02", "resident.card", LetterText.Get("NoCard"));
        }

        var documents = await db.PresentedDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == request.ApplicationId && d.Kind == PresentedDocumentKind.IdentityDocument && d.TypeCode != null)
            .Select(d => new PresentedIdentityDocument(d.TypeCode!, d.Holder, d.IssuedOn, d.ExpiresOn, d.AddressMatchesRegister))
            .ToListAsync(cancellationToken);
        var visit = VisitRules.Decide(new FirstVisit(loaded.Application.Applicant, card.ToDomain(loaded.Resident.ResidentCode), documents, today), reference.Documents);
        if (visit.Plan != VisitPlan.TwoVisits)
        {
            return LetterResult.Invalid(visit.DecidingRuleId, "application.visit", LetterText.Get("SameDayNoLetter"));
        }

        if (!visit.Decision.IsAllowed)
        {
            // R-VI-03: a proxy's own photo document is recorded before the letter goes out.
            var missing = visit.Decision.BrokenRules[0];
            return LetterResult.Invalid(missing.RuleId, missing.Field, missing.Message);
        }

        var letter = InquiryLetter.Prepare(
            await LetterMapper.NextReferenceAsync(db, loaded.Record.OfficeId, cancellationToken), loaded.Record.Id, loaded.Resident.ToDomain(), today,
            await AdminSettings.LetterValidDaysAsync(db, options.Value.ValidDays, cancellationToken));
        db.InquiryLetters.Add(LetterMapper.NewRecord(letter, loaded.Resident.Id));
        await db.SaveChangesAsync(cancellationToken);
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        await audit.AppendAsync(
            IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Succeeded, ("letter", letter.Reference.Value), ("rule", visit.DecidingRuleId)),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LetterResult.Done(LetterText.Get("Prepared", letter.Reference.Display), letter.Reference.Value);
    }
}
