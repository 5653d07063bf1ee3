using System.Linq.Expressions;
using CounterApp.Web.Data;
using CounterApp.Web.Features.CertificateAuthority;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Applications;

/// <summary>
/// The counter's status reads of the one certificate register: the counter's certificates joined, on the serial, to
/// the CA's rows (ca_certificates, which OCSP and the CRL answer from) of the counter's CA (one CA per prefecture,
/// <see cref="PkiOptions.AuthorityId"/>). Pages and handlers read status, revocation time and reason, and DER only
/// here, never from a copy. Revocations go through <see cref="CertificateRegister"/>.
/// </summary>
public sealed class CertificateStatuses(CounterDbContext db, IOptions<PkiOptions> pki)
{
    /// <summary>Valid: the CA knows it and has not revoked it (OCSP answers good). Expiry is the caller's to add.</summary>
    public static readonly Expression<Func<RegisteredCertificate, bool>> IsValid = c => c.InRegister && c.RevokedAt == null;

    /// <summary>Revoked in the CA register.</summary>
    public static readonly Expression<Func<RegisteredCertificate, bool>> IsRevoked = c => c.InRegister && c.RevokedAt != null;

    private string AuthorityId => pki.Value.AuthorityId;

    /// <summary>The counter's certificates with their status from the CA register (tracked, like <c>db.Certificates</c>).</summary>
    public IQueryable<RegisteredCertificate> Certificates
    {
        get
        {
            var authority = AuthorityId;
            return from c in db.Certificates
                   join r in db.CaCertificates.Where(r => r.AuthorityId == authority) on c.Serial equals r.Serial into found
                   from r in found.DefaultIfEmpty()
                   select new RegisteredCertificate
                   {
                       Certificate = c,
                       InRegister = r != null,
                       RevokedAt = r!.RevokedAt,
                       RevocationReason = r!.RevocationReason,
                   };
        }
    }

    /// <summary>The certificate's DER from the CA register; null when the register holds none (a record from before it kept DER).</summary>
    public async Task<byte[]?> DerAsync(string serial, CancellationToken cancellationToken = default)
    {
        var authority = AuthorityId;
        var der = await db.CaCertificates.AsNoTracking()
            .Where(r => r.AuthorityId == authority && r.Serial == serial)
            .Select(r => r.Der)
            .FirstOrDefaultAsync(cancellationToken);
        return der is { Length: > 0 } ? der : null;
    }
}
