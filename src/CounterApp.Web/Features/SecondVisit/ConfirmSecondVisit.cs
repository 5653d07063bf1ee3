using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Calendar;
using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Features.Approvals;
using CounterApp.Web.Features.DocumentCopies;
using CounterApp.Web.Features.InquiryLetters;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.RulesDemo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.SecondVisit;

/// <summary>
/// The second visit's checklist as the clerk ticks it. In person (R-VI-02): answer sheet, resident card, seal (R-ID-05).
/// By proxy (R-PX-02): answer sheet, the resident's card, a 委任状 signed and sealed by the resident, the 印鑑登録証明書
/// of that seal with its issue date, and the proxy's own photo document with its scanned copy (R-ID-04).
/// </summary>
public sealed record ConfirmSecondVisit(string? Reference, ApplicantKind Applicant, string Actor, int? CounterId)
{
    public bool AnswerSheet { get; init; }

    public bool ResidentCard { get; init; }

    /// <summary>In person: the clerk confirmed the resident's seal (R-ID-05).</summary>
    public bool SealConfirmed { get; init; }

    public bool PowerOfAttorney { get; init; }

    public bool PowerOfAttorneySigned { get; init; }

    public bool PowerOfAttorneySealed { get; init; }

    /// <summary>The issue date printed on the 印鑑登録証明書; null when none was brought.</summary>
    public DateOnly? SealCertificateIssuedOn { get; init; }

    public bool SealCertificateMatches { get; init; }

    public string? ProxyDocumentType { get; init; }

    public DateOnly? ProxyDocumentIssuedOn { get; init; }

    public DateOnly? ProxyDocumentExpiresOn { get; init; }

    public string? CopyContentType { get; init; }

    public byte[]? Copy { get; init; }
}

/// <summary>
/// R-VI-02/04, R-PX-02: the letter must be usable and everything on the list present; anything missing is refused
/// with the whole list, nothing saved but the audit entry. Then the answer is returned and the identity verified
/// (Application.MarkAnswerReturned, MarkIdentityVerified), the letter used and the documents recorded in one
/// transaction; the application continues at the fee step of the issuance page.
/// </summary>
public sealed class ConfirmSecondVisitHandler(
    CounterDbContext db,
    CertificateStatuses statuses,
    AuditTrail audit,
    DocumentCopyStore copies,
    IOptions<DocumentCopyOptions> copyOptions,
    IOptions<CounterSettings> settings,
    TimeProvider time)
{
    public const string ConfirmedAction = "second-visit.confirmed";

    public const string RefusedAction = "second-visit.refused";

    public const string ProxyDocumentAction = "second-visit.proxy-document-recorded";

    public async Task<IssuanceResult> HandleAsync(ConfirmSecondVisit request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Actor))
        {
            return IssuanceResult.Invalid("R-X-01", "actor", SecondVisitText.Get("ActorRequired"));
        }

        if (!Enum.IsDefined(request.Applicant))
        {
            return IssuanceResult.Invalid("R-X-03", "applicant", SecondVisitText.Get("ApplicantRequired"));
        }

        if (!InquiryReference.TryParse(request.Reference, out var reference))
        {
            var format = new InquiryReferenceRule(request.Reference);
            return IssuanceResult.Invalid(format.RuleId, format.Field, format.Message);
        }

        var today = TokyoClock.Today(time);
        var counterReference = await CounterReference.LoadAsync(db, request.CounterId, cancellationToken) ?? throw new InvalidOperationException("The office has no reference data.");
        var catalog = counterReference.Documents;
        var letter = await SecondVisitLookup.LoadAsync(db, reference!, cancellationToken);
        var loaded = letter is null ? null : await ApplicationMapper.LoadAsync(db, letter.Record.ApplicationId, cancellationToken);
        var proxy = request.Applicant == ApplicantKind.Proxy;
        var document = proxy && !string.IsNullOrEmpty(request.ProxyDocumentType)
            ? new PresentedIdentityDocument(request.ProxyDocumentType, DocumentHolder.Proxy, request.ProxyDocumentIssuedOn, request.ProxyDocumentExpiresOn, true)
            : null;

        var broken = Check(request, letter?.Letter, document, catalog, today);
        if (loaded is not null)
        {
            // The certificate is issued at this visit: the resident must still be eligible (R-EL), the counter open (R-HR)
            // and, for a renewal, the window open (R-CE-04).
            var card = await IssuanceQueries.CurrentCardAsync(db, loaded.Resident.Id, cancellationToken);
            var tokyoNow = TokyoClock.Now(time);
            var overrides = await ApprovedOverrides.ForAsync(db, loaded.Record.Id, cancellationToken);
            var lastAcceptance = await AdminSettings.LastAcceptanceAsync(db, settings.Value.LastAcceptance, cancellationToken); // R-EL-06, the administrator's
            var decisions = new List<Decision>
            {
                EligibilityRules.Check(new EligibilityRequest(
                    loaded.Application.Procedure, loaded.Resident.ToDomain(), card?.ToDomain(loaded.Resident.ResidentCode), counterReference.Office, tokyoNow, lastAcceptance)),
                CounterHoursRules.Check(counterReference.Hours, tokyoNow, overrides),
            };
            if (loaded.Application.Procedure == Procedure.Renewal)
            {
                // R-CE-04: the window may have closed since the first visit (the letter is valid for weeks).
                decisions.Add(await CheckEligibilityHandler.RenewalWindowAsync(statuses, card, today, cancellationToken));
            }

            broken.AddRange(Decision.Combine(decisions).BrokenRules);
        }

        if (broken.Count == 0 && loaded!.Application.State != ApplicationState.InquiryLetterMailed)
        {
            broken.Add(IssuanceResult.WrongStep(loaded.Application.State.ToString()).BrokenRules[0]);
        }

        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        if (broken.Count > 0)
        {
            await audit.AppendAsync(
                new AuditEvent
                {
                    Actor = request.Actor,
                    Counter = counter,
                    ResidentCode = letter?.Resident.ResidentCode,
                    Action = RefusedAction,
                    Outcome = AuditOutcomes.Refused,
                    Details = new Dictionary<string, string?>
                    {
                        ["rules"] = IssuanceAudit.Rules(broken),
                        ["fields"] = string.Join(",", broken.Select(b => b.Field)),
                        ["applicant"] = request.Applicant.ToString(),
                        ["letter"] = reference!.Value,
                        ["application"] = loaded?.Record.Id.ToString(),
                    },
                },
                cancellationToken);
            return new IssuanceResult(IssuanceOutcome.Rejected, broken, SecondVisitText.Get("Missing", broken.Count)) { ApplicationId = loaded?.Record.Id };
        }

        if (document is not null && await RecordProxyDocumentAsync(request, loaded!, document, counter, cancellationToken) is { } copyProblem)
        {
            return copyProblem;
        }

        return await ConfirmAsync(request, reference!, today, counter, cancellationToken);
    }

    /// <summary>Every missing or broken item at once (R-PX-02: "with the list of what is missing").</summary>
    private List<BrokenRule> Check(ConfirmSecondVisit request, InquiryLetter? letter, PresentedIdentityDocument? document, IdentityDocumentCatalog catalog, DateOnly today)
    {
        var proxy = request.Applicant == ApplicantKind.Proxy;
        var visit = new Domain.Proxies.SecondVisit(
            request.Applicant,
            letter?.ApplicationId ?? Guid.Empty,
            letter,
            request.AnswerSheet,
            request.ResidentCard,
            proxy && request.PowerOfAttorney ? new PowerOfAttorney(request.PowerOfAttorneySigned, request.PowerOfAttorneySealed) : null,
            proxy && request.SealCertificateIssuedOn is { } issued ? new SealCertificate(issued, request.SealCertificateMatches) : null,
            document is null ? [] : [document],
            today);
        var decisions = new List<Decision> { SecondVisitRules.Check(visit, catalog) };
        if (!proxy)
        {
            decisions.Add(Decision.Check([new SealConfirmedRule(request.SealConfirmed)]));
        }

        if (document is not null)
        {
            // Why the proxy's document does not do (unknown type, expired), beside "missing" from the list.
            decisions.Add(Decision.Check(IdentityDocumentRules.For(document, catalog, today)));
        }

        var broken = Decision.Combine(decisions).BrokenRules.ToList();
        if (document is not null)
        {
            // R-ID-03: a kind of document with an expiry date is not judged without it.
            broken.AddRange(IdentityDocumentRules.CheckEntered(document, catalog).BrokenRules.Select(b => b with { Field = "proxy." + b.Field }));
            if (request.ProxyDocumentIssuedOn is { } from && request.ProxyDocumentExpiresOn is { } to && to < from)
            {
                broken.Add(new BrokenRule("R-X-03", "proxy.document.expiresOn", SecondVisitText.Get("DocumentDatesOrder")));
            }

            var type = DocumentContentTypes.Normalize(request.CopyContentType);
            if (request.Copy is not { Length: > 0 } copy || type is null || !DocumentContentTypes.Matches(type, copy))
            {
                broken.Add(new BrokenRule("R-ID-04", "proxy.document.copy", SecondVisitText.Get("CopyRequired")));
            }
            else if (copy.Length > copyOptions.Value.MaxBytes)
            {
                broken.Add(new BrokenRule("R-ID-04", "proxy.document.copy", SecondVisitText.Get("CopyTooLarge", copyOptions.Value.MaxBytes)));
            }
        }

        return broken;
    }

    /// <summary>The proxy's document and its sealed copy (R-ID-04) first: if the copy cannot be kept, the row goes too and nothing moves on.</summary>
    private async Task<IssuanceResult?> RecordProxyDocumentAsync(
        ConfirmSecondVisit request, LoadedApplication loaded, PresentedIdentityDocument document, string? counter, CancellationToken cancellationToken)
    {
        var record = Row(loaded.Record.Id, PresentedDocumentKind.IdentityDocument, DocumentHolder.Proxy, request.Actor);
        record.TypeCode = document.TypeCode;
        record.IssuedOn = document.IssuedOn;
        record.ExpiresOn = document.ExpiresOn;
        record.AddressMatchesRegister = true;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await audit.LockChainAsync(cancellationToken);
            // Under the lock: a second submit of the same checklist (a double click) finds the visit already confirmed
            // and keeps no second document.
            var state = await db.Applications.AsNoTracking().Where(a => a.Id == loaded.Record.Id).Select(a => a.State).SingleAsync(cancellationToken);
            if (state != ApplicationState.InquiryLetterMailed)
            {
                return IssuanceResult.Conflict(null) with { ApplicationId = loaded.Record.Id };
            }

            db.PresentedDocuments.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(
                IssuanceAudit.Event(request.Actor, counter, loaded, ProxyDocumentAction, AuditOutcomes.Succeeded,
                    ("type", document.TypeCode), ("document", record.Id.ToString(CultureInfo.InvariantCulture))),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var stored = await copies.StoreAsync(record.Id, request.CopyContentType, request.Copy!, request.Actor, cancellationToken);
        if (stored.Stored)
        {
            return null;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await audit.LockChainAsync(cancellationToken);
            await db.PresentedDocuments.Where(d => d.Id == record.Id && d.Copy == null).ExecuteDeleteAsync(cancellationToken);
            await audit.AppendAsync(
                IssuanceAudit.Event(request.Actor, counter, loaded, ProxyDocumentAction, AuditOutcomes.Failed,
                    ("document", record.Id.ToString(CultureInfo.InvariantCulture)), ("reason", "copy not stored")),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return IssuanceResult.Invalid("R-ID-04", "proxy.document.copy", stored.Message ?? SecondVisitText.Get("CopyRequired")) with { ApplicationId = loaded.Record.Id };
    }

    /// <summary>One transaction: the letter used, the answer returned and the identity verified, the papers recorded, the audit.</summary>
    private async Task<IssuanceResult> ConfirmAsync(ConfirmSecondVisit request, InquiryReference reference, DateOnly today, string? counter, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var letter = await SecondVisitLookup.LoadAsync(db, reference, cancellationToken);
        var loaded = letter is null ? null : await ApplicationMapper.LoadAsync(db, letter.Record.ApplicationId, cancellationToken);
        if (letter is null || loaded is null || SecondVisitLookup.Problem(letter, today) is not null
            || loaded.Application.State != ApplicationState.InquiryLetterMailed)
        {
            return IssuanceResult.Conflict(null);
        }

        letter.Letter.MarkUsed(today);
        LetterMapper.Apply(letter.Letter, letter.Record);
        loaded.Application.MarkAnswerReturned(now, request.Actor);
        loaded.Application.MarkIdentityVerified(now, request.Actor);
        var proxy = request.Applicant == ApplicantKind.Proxy;
        var holder = proxy ? DocumentHolder.Proxy : DocumentHolder.Resident;
        db.PresentedDocuments.Add(Row(loaded.Record.Id, PresentedDocumentKind.AnswerSheet, holder, request.Actor)); // who brought it decides R-PX-01
        if (proxy)
        {
            db.PresentedDocuments.Add(Row(loaded.Record.Id, PresentedDocumentKind.PowerOfAttorney, DocumentHolder.Proxy, request.Actor));
            var seal = Row(loaded.Record.Id, PresentedDocumentKind.SealCertificate, DocumentHolder.Proxy, request.Actor);
            seal.IssuedOn = request.SealCertificateIssuedOn;
            db.PresentedDocuments.Add(seal);
        }

        var saved = await ApplicationMapper.SaveAsync(db, loaded.Application, loaded.Record, cancellationToken);
        if (!saved.Succeeded)
        {
            return IssuanceResult.Conflict(saved.Message);
        }

        await audit.AppendAsync(
            IssuanceAudit.Event(request.Actor, counter, loaded, ConfirmedAction, AuditOutcomes.Succeeded,
                ("applicant", request.Applicant.ToString()), ("letter", reference.Value), ("rules", proxy ? "R-PX-02" : "R-VI-02,R-ID-05"),
                ("sealCertificateIssuedOn", proxy ? request.SealCertificateIssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null)),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return IssuanceResult.Done() with { ApplicationId = loaded.Record.Id };
    }

    private PresentedDocumentRecord Row(Guid applicationId, PresentedDocumentKind kind, DocumentHolder holder, string actor) => new()
    {
        ApplicationId = applicationId,
        Kind = kind,
        Holder = holder,
        RecordedAt = AuditChain.Stored(time.GetUtcNow()),
        RecordedBy = actor,
    };
}
