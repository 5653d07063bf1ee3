using CounterApp.Web.Features.CertificateAuthority;

namespace CounterApp.Web.Features.CaFingerprint;

/// <summary>
/// What the counter shows residents about the CA's self-signed certificate: subject, validity, the published
/// fingerprints (R-CE-07) and where it is downloaded (GET /ca/{id}.cer, anonymous). Read from the open CA at the request.
/// </summary>
public sealed record CaCertificateSummary(string AuthorityId, string Subject, DateTimeOffset NotBefore, DateTimeOffset NotAfter, PublishedFingerprints Fingerprints)
{
    /// <summary>The CA certificate endpoint of <see cref="CaEndpoints"/>.</summary>
    public string DownloadPath => $"/ca/{AuthorityId}.cer";

    public static CaCertificateSummary Read(PrefecturalCa ca)
    {
        ArgumentNullException.ThrowIfNull(ca);
        var certificate = ca.Authority.Certificate;
        return new CaCertificateSummary(
            ca.Id,
            certificate.Subject,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            PublishedFingerprints.Of(ca.CertificateDer.Span));
    }
}
