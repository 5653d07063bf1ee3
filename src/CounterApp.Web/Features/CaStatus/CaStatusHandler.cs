using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Time;
using CounterApp.Pki.Fingerprints;
using CounterApp.Pki.Store;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.CaStatus;

/// <summary>
/// Reads the CA's state for the administrator: the CA certificate and the current delegated OCSP responder
/// certificate (from the open <see cref="PrefecturalCa"/>), the CRL served now (<see cref="CrlDistribution.Current"/>,
/// as /crl/{id}.crl), an OCSP self-check for the newest subscriber certificate in the CA's store, and the counter's
/// certificates by state. Nothing is cached or made up: every value comes from the CA or the database at the request.
/// </summary>
public sealed class CaStatusHandler(CounterDbContext db, CertificateStatuses statuses, PrefecturalCa ca, RealClock time)
{
    private static readonly byte[] NoDer = [];

    public async Task<CaStatusReport> GetAsync(CancellationToken cancellationToken = default)
    {
        var authority = ca.Authority;
        var now = time.GetUtcNow();
        var newest = await db.CaCertificates.AsNoTracking()
            .Where(c => c.AuthorityId == ca.Id && c.Kind == CertificateKind.Subscriber && c.Der != NoDer) // signed here, not a legacy record
            .OrderByDescending(c => c.NotBefore).ThenByDescending(c => c.Id)
            .Select(c => c.Serial)
            .FirstOrDefaultAsync(cancellationToken);
        var ocsp = newest is null
            ? new OcspCheck(OcspCheckOutcome.NoCertificates, null, TimeSpan.Zero)
            : OcspSelfCheck.Run(ca.Ocsp, authority.Certificate, CertificateSerial.Parse(newest));

        return new CaStatusReport(
            ca.Id,
            Facts(authority.Certificate),
            Responder(),
            Crl(now),
            ocsp,
            await CountsAsync(cancellationToken),
            now);
    }

    /// <summary>A certificate's subject, issuer, serial, validity, key and its SHA-256 and SHA-1 fingerprints (R-CE-07).</summary>
    public static CertificateFacts Facts(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new CertificateFacts(
            certificate.Subject,
            certificate.Issuer,
            certificate.SerialNumber,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "?",
            KeySize(certificate),
            certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value ?? "?",
            CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256).Grouped,
            CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha1).Grouped);
    }

    private static int KeySize(X509Certificate2 certificate)
    {
        using RSA? rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.KeySize;
        }

        using ECDsa? ec = certificate.GetECDsaPublicKey();
        return ec?.KeySize ?? 0;
    }

    // The responder certificate is created or renewed on demand; a failure there is shown, not thrown.
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The status page reports a broken responder key instead of failing.")]
    private CertificateFacts? Responder()
    {
        try
        {
            return Facts(ca.Authority.ResponderCertificate);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private CrlFacts Crl(DateTimeOffset now)
    {
        try
        {
            var crl = ca.Crl.Current();
            return new CrlFacts((long)crl.Number, crl.ThisUpdate, crl.NextUpdate, crl.EntryCount, crl.NextUpdate <= now, null);
        }
        catch (InvalidOperationException e)
        {
            return new CrlFacts(null, null, null, null, true, e.Message);
        }
    }

    private async Task<IReadOnlyList<StatusCount>> CountsAsync(CancellationToken cancellationToken)
    {
        var today = TokyoClock.Today(time);
        var rows = await statuses.Certificates.AsNoTracking()
            .GroupBy(c => !c.InRegister || c.RevokedAt != null ? 2 : c.Certificate.ExpiresOn < today ? 1 : 0)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(int key) => rows.FirstOrDefault(r => r.Key == key)?.Count ?? 0;
        return [new(CertificateCountKind.Active, Count(0)), new(CertificateCountKind.Expired, Count(1)), new(CertificateCountKind.Revoked, Count(2))];
    }
}
