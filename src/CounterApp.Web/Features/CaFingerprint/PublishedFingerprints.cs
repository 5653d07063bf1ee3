using CounterApp.Pki.Fingerprints;

namespace CounterApp.Web.Features.CaFingerprint;

/// <summary>
/// R-CE-07: the CA's self-signed certificate fingerprints in the form published to residents, SHA-256 and SHA-1
/// (upper-case hex in groups of four). MD5 is never computed, so it cannot be shown.
/// </summary>
public sealed record PublishedFingerprints(CertificateFingerprint Sha256, CertificateFingerprint Sha1)
{
    /// <summary>Both fingerprints over the certificate's DER (the bytes /ca/{id}.cer serves).</summary>
    public static PublishedFingerprints Of(ReadOnlySpan<byte> certificateDer) =>
        new(CertificateFingerprint.Of(certificateDer, FingerprintAlgorithm.Sha256), CertificateFingerprint.Of(certificateDer, FingerprintAlgorithm.Sha1));

    public CertificateFingerprint For(FingerprintAlgorithm algorithm) => algorithm == FingerprintAlgorithm.Sha256 ? Sha256 : Sha1;
}
