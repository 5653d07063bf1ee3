using CounterApp.Domain.Certificates;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Residents;

/// <summary>
/// Reads one resident's detail in seven queries whatever the number of rows: the resident, then cards, certificates,
/// applications, letters, receipts (through their applications) and audit entries, each one filtered query.
/// <para>
/// The audit trail is filtered on <c>audit_entries.resident_code</c> (indexed), the 住民票コード every feature records
/// for the resident concerned (R-X-01), not on text inside <c>details</c>: a JSON search would scan the whole log and
/// could match a code quoted in another resident's entry. Entries about the resident that carry no code (none are
/// written so today) do not show here. The newest <see cref="AuditLimit"/> entries are returned.
/// </para>
/// </summary>
public sealed class ResidentDetailHandler(CounterDbContext db, CertificateStatuses statuses, TimeProvider time)
{
    /// <summary>The most audit entries shown; the page says when there are more.</summary>
    public const int AuditLimit = 200;

    /// <summary>The resident's detail, or null when there is no resident with this id.</summary>
    public async Task<ResidentDetail?> GetAsync(long residentId, CancellationToken cancellationToken = default)
    {
        var resident = await db.Residents.AsNoTracking()
            .Where(r => r.Id == residentId)
            .Select(r => new ResidentFacts(
                r.Id, r.ResidentCode, r.FamilyName, r.GivenName, r.FamilyNameKana, r.GivenNameKana, r.BirthDate, r.Sex,
                r.Address, r.Ward, r.IsAdultWard, r.RegisterStatus, r.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (resident is null)
        {
            return null;
        }

        var cards = await db.ResidentCards.AsNoTracking()
            .Where(c => c.ResidentId == residentId)
            .OrderByDescending(c => c.Id)
            .Select(c => new CardLine(c.Id, c.CardNumber, c.HasPhoto, c.ExpiryDate, c.Status))
            .ToListAsync(cancellationToken);

        // Still one query: the revocation request that revoked a certificate (the first processed one with the reason the
        // CA register holds for the certificate) and the register event it came from are scalar subqueries. The event is the one of this
        // resident received in the same transaction that recorded the request (RegisterEventApplier writes both with
        // one time) and whose occurrence is the revocation's effective time (RevocationTriggers).
        var code = resident.ResidentCode;
        var certificates = await (
            from rc in statuses.Certificates.AsNoTracking()
            let c = rc.Certificate
            join card in db.ResidentCards on c.CardId equals card.Id
            where c.ResidentId == residentId
            orderby c.IssuedOn descending, c.Id descending
            select new CertificateRow(
                new CertificateLine(
                    c.Id, c.Serial, card.CardNumber, c.IssuedOn, c.ExpiresOn, rc.InRegister && rc.RevokedAt == null ? CertificateStatus.Active : CertificateStatus.Revoked,
                    c.IsLocked, rc.RevokedAt, rc.RevocationReason, null),
                db.RevocationRequests.Where(q => q.CertificateId == c.Id && q.ProcessedAt != null && rc.RevokedAt != null && q.Reason == rc.RevocationReason).OrderBy(q => q.Id).Select(q => q.RuleId).FirstOrDefault(),
                db.RevocationRequests.Where(q => q.CertificateId == c.Id && q.ProcessedAt != null && rc.RevokedAt != null && q.Reason == rc.RevocationReason).OrderBy(q => q.Id).Select(q => q.Cause).FirstOrDefault(),
                db.RevocationRequests.Where(q => q.CertificateId == c.Id && q.ProcessedAt != null && rc.RevokedAt != null && q.Reason == rc.RevocationReason).OrderBy(q => q.Id).Select(q => (DateTime?)q.RequestedAt).FirstOrDefault(),
                db.RegisterEvents
                    .Where(e => e.ResidentCode == code
                        && db.RevocationRequests.Where(q => q.CertificateId == c.Id && q.ProcessedAt != null && rc.RevokedAt != null && q.Reason == rc.RevocationReason).OrderBy(q => q.Id).Take(1)
                            .Any(q => q.RequestedAt == e.ReceivedAt && q.EffectiveAt == e.OccurredAt))
                    .OrderBy(e => e.EventId)
                    .Select(e => e.EventId)
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);

        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.ResidentId == residentId)
            .OrderByDescending(a => a.ReceivedAt)
            .Select(a => new ApplicationLine(a.Id, a.Procedure, a.Applicant, a.State, a.ReceivedAt, a.ReceivedBy))
            .ToListAsync(cancellationToken);

        var letters = await db.InquiryLetters.AsNoTracking()
            .Where(l => l.ResidentId == residentId)
            .OrderByDescending(l => l.PreparedOn).ThenByDescending(l => l.Id)
            .Select(l => new LetterLine(l.Id, l.Reference, l.PreparedOn, l.MailedOn, l.ValidDays, l.Status))
            .ToListAsync(cancellationToken);

        // Receipts name no resident; they belong to the resident's applications.
        var receipts = await (
            from r in db.Receipts.AsNoTracking()
            join a in db.Applications on r.ApplicationId equals a.Id
            where a.ResidentId == residentId
            orderby r.PaidAt descending
            select new ReceiptSummary(r.Id, r.Number, r.PaidAt, r.Total, r.Void == null ? null : r.Void.Kind, r.Void == null ? null : r.Void.Reason))
            .ToListAsync(cancellationToken);

        var audit = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ResidentCode == code)
            .OrderByDescending(e => e.Id)
            .Take(AuditLimit + 1)
            .Select(e => new AuditLine(e.Id, e.At, e.Actor, e.Counter, e.Action, e.Outcome, e.Details))
            .ToListAsync(cancellationToken);

        return new ResidentDetail(
            resident with { UpdatedAt = Tokyo(resident.UpdatedAt) },
            cards,
            [.. certificates.Select(c => c.ToLine(Tokyo))],
            [.. applications.Select(a => a with { ReceivedAt = Tokyo(a.ReceivedAt) })],
            letters,
            [.. receipts.Select(r => r with { PaidAt = Tokyo(r.PaidAt) })],
            [.. audit.Take(AuditLimit).Select(e => e with { At = Tokyo(e.At) })],
            audit.Count > AuditLimit,
            TokyoClock.Today(time));
    }

    /// <summary>A certificate with the raw columns of the request that revoked it (UTC), before the Tokyo conversion.</summary>
    private sealed record CertificateRow(CertificateLine Line, string? RuleId, string? CauseText, DateTime? RequestedAt, string? EventId)
    {
        public CertificateLine ToLine(Func<DateTime, DateTime> tokyo) => Line with
        {
            RevokedAt = Line.RevokedAt is { } at ? tokyo(at) : null,
            Cause = RuleId is not null && CauseText is not null && RequestedAt is { } requested ? RevocationCause.From(RuleId, CauseText, EventId, tokyo(requested)) : null,
        };
    }

    private static DateTime Tokyo(DateTime utc) => TokyoClock.ToTokyo(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
