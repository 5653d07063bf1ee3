using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>A certificate still in force with no revocation pending, as R-RV-02 needs it.</summary>
internal sealed record ActiveCertificate(long Id, long ResidentId, string Serial, string CardNumber, DateOnly IssuedOn, DateOnly ExpiresOn, bool IsLocked)
{
    public Certificate ToDomain() => new(Serial, CardNumber, IssuedOn, ExpiresOn, CertificateStatus.Active, IsLocked);
}

/// <summary>
/// R-RV-02: turns register events into revocation requests through <see cref="RevocationTriggers.ForRegisterEvent"/>.
/// The requests are recorded now; the CA carries them out later. A certificate with a request already pending gets
/// no second one, and when one change brings several events (a death and a new address), the weightiest reason wins.
/// </summary>
internal static class RegisterRevocations
{
    private const int Chunk = 500;

    // Death and moving out end everything; card events next; the four basic data items last.
    private static readonly RegisterEventKind[] Priority =
    [
        RegisterEventKind.Died, RegisterEventKind.MovedOut, RegisterEventKind.CardReturned, RegisterEventKind.CardReplaced,
        RegisterEventKind.NameChanged, RegisterEventKind.AddressChanged, RegisterEventKind.SexChanged, RegisterEventKind.BirthDateChanged,
    ];

    public static async Task<ILookup<long, ActiveCertificate>> ActiveCertificatesAsync(
        CounterDbContext db, CertificateStatuses statuses, IReadOnlyCollection<long> residentIds, CancellationToken cancellationToken)
    {
        var found = new List<ActiveCertificate>();
        foreach (var chunk in residentIds.Chunk(Chunk))
        {
            var rows = await (
                from registered in statuses.Certificates.Where(CertificateStatuses.IsValid)
                let c = registered.Certificate
                join card in db.ResidentCards on c.CardId equals card.Id
                where chunk.Contains(c.ResidentId)
                    && !db.RevocationRequests.Any(r => r.CertificateId == c.Id && r.ProcessedAt == null)
                select new ActiveCertificate(c.Id, c.ResidentId, c.Serial, card.CardNumber, c.IssuedOn, c.ExpiresOn, c.IsLocked))
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            found.AddRange(rows);
        }

        return found.ToLookup(c => c.ResidentId);
    }

    /// <summary>The requests for one resident's events, at most one per certificate.</summary>
    public static List<RevocationRequestRecord> Requests(IEnumerable<RegisterEvent> events, IEnumerable<ActiveCertificate> certificates, DateTime requestedAt, string causeSuffix = "")
    {
        var bySerial = certificates.ToDictionary(c => c.Serial, StringComparer.Ordinal);
        var requests = new List<RevocationRequestRecord>();
        foreach (var registerEvent in events.OrderBy(e => Array.IndexOf(Priority, e.Kind)))
        {
            var orders = RevocationTriggers.ForRegisterEvent(registerEvent, bySerial.Values.Select(c => c.ToDomain()));
            foreach (var order in orders)
            {
                if (!bySerial.Remove(order.Serial, out var certificate))
                {
                    continue;
                }

                requests.Add(new RevocationRequestRecord
                {
                    CertificateId = certificate.Id,
                    Reason = order.Reason,
                    EffectiveAt = order.EffectiveAt.UtcDateTime,
                    RuleId = order.RuleId,
                    Cause = order.Cause + causeSuffix,
                    RequestedAt = requestedAt,
                });
            }
        }

        return requests;
    }
}
