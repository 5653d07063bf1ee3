using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Revocation;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Pki.Store;
using CounterApp.Web.Features.DocumentCopies;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.RulesDemo;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.Revocation;

/// <summary>
/// 失効申請 or 秘密鍵漏えい等届出 at the counter (R-RV-01): which certificate, who came, the identity document shown
/// (the resident's in person, the proxy's own with a 委任状 by proxy) with its scanned copy (R-ID-04).
/// </summary>
/// <param name="Procedure"><see cref="Procedure.RevocationRequest"/> or <see cref="Procedure.CompromiseNotice"/>.</param>
/// <param name="DocumentAddressMatchesRegister">Only for the resident's own document (R-ID-02); a proxy's address is not on the register.</param>
public sealed record RevokeCertificate(
    long ResidentId,
    string? Serial,
    Procedure Procedure,
    ApplicantKind Applicant,
    string? DocumentTypeCode,
    DateOnly? DocumentIssuedOn,
    DateOnly? DocumentExpiresOn,
    bool DocumentAddressMatchesRegister,
    bool PowerOfAttorneySigned,
    bool PowerOfAttorneySealed,
    string? CopyContentType,
    byte[]? Copy,
    string Actor,
    int OfficeId,
    int? CounterId);

/// <summary>
/// R-RV-01 and R-RV-03: checks the request (input first, naming the field; then R-ID-01..03 on the document and
/// R-RV-01 on who came, every broken rule at once, nothing saved), then in three units of work: the application is
/// received with its documents; the document's copy is sealed (R-ID-04; if that fails, the application is cancelled
/// and its documents removed); then, in one transaction, the certificate register revokes it in the CA (OCSP says so at
/// once, the next CRL lists it, the counter's pages read the same row) with the time and RFC 5280 reason, the application
/// completes (Received → IdentityVerified → Completed) and the audit trail records it (R-X-01).
/// </summary>
public sealed class RevokeCertificateHandler(
    CounterDbContext db, AuditTrail audit, CertificateStatuses statuses, CertificateRegister register, DocumentCopyStore copies, IOptions<DocumentCopyOptions> copyOptions, TimeProvider time, RealClock realTime)
{
    public const string ReceivedAction = "application.received";

    public const string DocumentAction = "application.document-recorded";

    public const string RefusedAction = "revocation.refused";

    public const string RevokedAction = "certificate.revoked";

    public const string CompletedAction = "application.completed";

    public const string CancelledAction = "application.cancelled";

    public async Task<RevocationResult> HandleAsync(RevokeCertificate request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ValidateInput(request) is { } invalid)
        {
            return invalid;
        }

        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == request.ResidentId).Select(r => new { r.Id, r.ResidentCode }).SingleOrDefaultAsync(cancellationToken);
        if (resident is null)
        {
            return RevocationResult.Invalid("R-EL-01", "resident", RevocationText.Get("ResidentNotFound"));
        }

        if (!await db.Offices.AnyAsync(o => o.Id == request.OfficeId, cancellationToken))
        {
            return RevocationResult.Invalid("R-X-03", "office", RevocationText.Get("OfficeNotFound"));
        }

        if (request.CounterId is { } counterId && !await db.Counters.AnyAsync(c => c.Id == counterId && c.OfficeId == request.OfficeId, cancellationToken))
        {
            return RevocationResult.Invalid("R-X-03", "counter", RevocationText.Get("CounterNotFound"));
        }

        var registered = await statuses.Certificates.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Certificate.ResidentId == resident.Id && c.Certificate.Serial == request.Serial, cancellationToken);
        if (registered is null)
        {
            return RevocationResult.Invalid("R-RV-01", "certificate.serial", RevocationText.Get("NoSuchCertificate"));
        }

        var certificate = registered.Certificate;
        if (registered.Status == CertificateStatus.Revoked)
        {
            return RevocationResult.Invalid("R-RV-01", "certificate.serial", RevocationText.Get("AlreadyRevoked", certificate.Serial));
        }

        var today = TokyoClock.Today(time);
        if (certificate.ExpiresOn < today)
        {
            return RevocationResult.Invalid("R-RV-01", "certificate.serial", RevocationText.Get("CertificateExpired", certificate.Serial));
        }

        var reference = await CounterReference.LoadAsync(db, cancellationToken)
            ?? throw new InvalidOperationException("The office has no reference data.");
        if (reference.Documents.Find(request.DocumentTypeCode!) is null)
        {
            return RevocationResult.Invalid("R-ID-01", "document.typeCode", RevocationText.Get("DocumentTypeRequired"));
        }

        var holder = request.Applicant == ApplicantKind.Proxy ? DocumentHolder.Proxy : DocumentHolder.Resident;
        var document = new PresentedIdentityDocument(
            request.DocumentTypeCode!, holder, request.DocumentIssuedOn, request.DocumentExpiresOn, holder == DocumentHolder.Proxy || request.DocumentAddressMatchesRegister);
        if (IdentityDocumentRules.CheckEntered(document, reference.Documents).BrokenRules is [var missing, ..])
        {
            // R-ID-03: a kind of document with an expiry date is not judged without it (a blank date must not skip the check).
            return RevocationResult.Invalid(missing.RuleId, missing.Field, missing.Message);
        }

        var powerOfAttorney = request.Applicant == ApplicantKind.Proxy ? new PowerOfAttorney(request.PowerOfAttorneySigned, request.PowerOfAttorneySealed) : null;
        var decision = Decision.Combine(
            IdentityDocumentRules.Check(document, reference.Documents, today),
            RevocationRules.Check(new RevocationRequest(request.Applicant, null, [document], powerOfAttorney, today), reference.Documents));
        var counter = await RevocationAudit.CounterAsync(db, request.CounterId, cancellationToken);
        if (!decision.IsAllowed)
        {
            await audit.AppendAsync(
                RevocationAudit.Event(request.Actor, counter, resident.ResidentCode, null, RefusedAction, AuditOutcomes.Refused,
                    ("rules", string.Join(",", decision.BrokenRules.Select(b => b.RuleId).Distinct())), ("serial", certificate.Serial),
                    ("procedure", request.Procedure.ToString()), ("applicant", request.Applicant.ToString()), ("type", document.TypeCode)),
                cancellationToken);
            return RevocationResult.Rejected(decision);
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
        var context = new RevocationContext(request, record, application, resident.ResidentCode, counter, certificate.Serial);
        var identity = await ReceiveAsync(context, document, powerOfAttorney, now, cancellationToken);

        // The copy store seals and audits in its own transaction; if it refuses, the application goes no further.
        var stored = await copies.StoreAsync(identity.Id, request.CopyContentType, request.Copy!, request.Actor, cancellationToken);
        if (!stored.Stored)
        {
            await CancelAsync(context, RevocationText.Get("CopyNotStored"), cancellationToken);
            return RevocationResult.Invalid("R-ID-04", "document.copy", stored.Message ?? RevocationText.Get("CopyRequired")) with { ApplicationId = record.Id };
        }

        return await RevokeAsync(context, certificate.Id, cancellationToken);
    }

    private RevocationResult? ValidateInput(RevokeCertificate request)
    {
        if (string.IsNullOrWhiteSpace(request.Actor))
        {
            return RevocationResult.Invalid("R-X-01", "actor", RevocationText.Get("ActorRequired"));
        }

        if (!Enum.IsDefined(request.Procedure) || !request.Procedure.Revokes())
        {
            return RevocationResult.Invalid("R-RV-01", "procedure", RevocationText.Get("ProcedureRequired"));
        }

        if (!Enum.IsDefined(request.Applicant))
        {
            return RevocationResult.Invalid("R-RV-01", "applicant", RevocationText.Get("ApplicantRequired"));
        }

        if (string.IsNullOrWhiteSpace(request.Serial))
        {
            return RevocationResult.Invalid("R-RV-01", "certificate.serial", RevocationText.Get("SerialRequired"));
        }

        if (string.IsNullOrEmpty(request.DocumentTypeCode))
        {
            return RevocationResult.Invalid("R-ID-01", "document.typeCode", RevocationText.Get("DocumentTypeRequired"));
        }

        if (request.DocumentIssuedOn is { } issued && request.DocumentExpiresOn is { } expires && expires < issued)
        {
            return RevocationResult.Invalid("R-X-03", "document.expiresOn", RevocationText.Get("DocumentDatesOrder"));
        }

        var type = DocumentContentTypes.Normalize(request.CopyContentType);
        if (request.Copy is not { Length: > 0 } copy || type is null || !DocumentContentTypes.Matches(type, copy))
        {
            return RevocationResult.Invalid("R-ID-04", "document.copy", RevocationText.Get("CopyRequired"));
        }

        return copy.Length > copyOptions.Value.MaxBytes
            ? RevocationResult.Invalid("R-ID-04", "document.copy", RevocationText.Get("CopyTooLarge", copyOptions.Value.MaxBytes))
            : null;
    }

    /// <summary>The application (Received) with the identity document and, by proxy, the 委任状; returns the identity document's row.</summary>
    private async Task<PresentedDocumentRecord> ReceiveAsync(
        RevocationContext context, PresentedIdentityDocument document, PowerOfAttorney? powerOfAttorney, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = context.Request;
        ApplicationMapper.Apply(context.Application, context.Record);
        var identity = Presented(context.Record.Id, PresentedDocumentKind.IdentityDocument, document.Holder, now, request.Actor);
        identity.TypeCode = document.TypeCode;
        identity.IssuedOn = document.IssuedOn;
        identity.ExpiresOn = document.ExpiresOn;
        identity.AddressMatchesRegister = document.Holder == DocumentHolder.Resident && document.AddressMatchesRegister;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        db.Applications.Add(context.Record);
        db.PresentedDocuments.Add(identity);
        if (powerOfAttorney is not null)
        {
            db.PresentedDocuments.Add(Presented(context.Record.Id, PresentedDocumentKind.PowerOfAttorney, DocumentHolder.Resident, now, request.Actor));
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            RevocationAudit.Event(context, ReceivedAction, AuditOutcomes.Succeeded, ("procedure", request.Procedure.ToString()), ("applicant", request.Applicant.ToString())),
            cancellationToken);
        await audit.AppendAsync(
            RevocationAudit.Event(context, DocumentAction, AuditOutcomes.Succeeded, ("type", document.TypeCode), ("holder", document.Holder.ToString()),
                ("powerOfAttorney", powerOfAttorney is null ? null : "signed,sealed")),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return identity;
    }

    private async Task<RevocationResult> RevokeAsync(RevocationContext context, long certificateId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var registered = await statuses.Certificates.AsNoTracking().SingleAsync(c => c.Certificate.Id == certificateId, cancellationToken);
        var certificate = registered.Certificate;
        if (registered.Status != CertificateStatus.Active)
        {
            await transaction.RollbackAsync(cancellationToken);
            await CancelAsync(context, RevocationText.Get("AlreadyRevoked", certificate.Serial), cancellationToken);
            return new RevocationResult(RevocationOutcome.Conflict, [], RevocationText.Get("AlreadyRevoked", certificate.Serial)) { ApplicationId = context.Record.Id };
        }

        var order = RevocationTriggers.ForRequest(
            new Certificate(certificate.Serial, string.Empty, certificate.IssuedOn, certificate.ExpiresOn, registered.Status), context.Request.Procedure == Procedure.CompromiseNotice, realTime.GetUtcNow());

        // One revocation for every path: the CA register revokes (OCSP at once, the next CRL) and audits, in this transaction.
        var done = await register.RevokeAsync(
            order, RevocationAudit.Event(context, RevokedAction, AuditOutcomes.Succeeded, ("applicant", context.Request.Applicant.ToString())), cancellationToken);
        if (done.Outcome == RevokeOutcome.AlreadyRevoked)
        {
            await transaction.RollbackAsync(cancellationToken);
            await CancelAsync(context, RevocationText.Get("AlreadyRevoked", certificate.Serial), cancellationToken);
            return new RevocationResult(RevocationOutcome.Conflict, [], RevocationText.Get("AlreadyRevoked", certificate.Serial)) { ApplicationId = context.Record.Id };
        }

        context.Application.MarkIdentityVerified(now, context.Request.Actor);
        context.Application.Complete(now, context.Request.Actor);
        var saved = await ApplicationMapper.SaveAsync(db, context.Application, context.Record, cancellationToken);
        if (!saved.Succeeded)
        {
            // Nothing of this transaction stays (the CA's store was enlisted in it); the application does not stay open.
            await transaction.RollbackAsync(cancellationToken);
            await CancelAsync(context, saved.Message ?? RevocationText.Get("Conflict"), cancellationToken);
            return new RevocationResult(RevocationOutcome.Conflict, [], saved.Message ?? RevocationText.Get("Conflict")) { ApplicationId = context.Record.Id };
        }

        await audit.AppendAsync(RevocationAudit.Event(context, CompletedAction, AuditOutcomes.Succeeded, ("serial", certificate.Serial)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RevocationResult(RevocationOutcome.Revoked, [], RevocationText.Get("Revoked", certificate.Serial))
        {
            ApplicationId = context.Record.Id,
            Serial = certificate.Serial,
        };
    }

    /// <summary>The application is cancelled with its reason and its documents (none has a copy) removed, audited.</summary>
    private async Task CancelAsync(RevocationContext context, string reason, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var loaded = await db.Applications.Include(a => a.History).SingleAsync(a => a.Id == context.Record.Id, cancellationToken);
        var application = ApplicationMapper.ToDomain(loaded, context.ResidentCode, null);
        application.Cancel(reason, time.GetUtcNow(), context.Request.Actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        await db.PresentedDocuments.Where(d => d.ApplicationId == loaded.Id && d.Copy == null).ExecuteDeleteAsync(cancellationToken);
        await ApplicationMapper.SaveAsync(db, application, loaded, cancellationToken);
        await audit.AppendAsync(RevocationAudit.Event(context, CancelledAction, AuditOutcomes.Failed, ("reason", reason)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static PresentedDocumentRecord Presented(Guid applicationId, PresentedDocumentKind kind, DocumentHolder holder, DateTimeOffset now, string actor) => new()
    {
        ApplicationId = applicationId,
        Kind = kind,
        Holder = holder,
        RecordedAt = AuditChain.Stored(now),
        RecordedBy = actor,
    };
}

/// <summary>What the three units of work of one revocation share.</summary>
internal sealed record RevocationContext(
    RevokeCertificate Request, ApplicationRecord Record, Application Application, string ResidentCode, string? Counter, string Serial);
