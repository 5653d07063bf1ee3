namespace CounterApp.Pki.Store;

/// <summary>One certificate this CA signed, as the store keeps it.</summary>
/// <param name="Der">The certificate, DER.</param>
/// <param name="Revocation">Null while the certificate is not revoked.</param>
/// <param name="RequestId">The issuance request a subscriber certificate answers (R-CE-09): one certificate per request.</param>
public sealed record StoredCertificate(
    CertificateSerial Serial,
    CertificateKind Kind,
    ReadOnlyMemory<byte> Der,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    CertificateRevocation? Revocation = null,
    Guid? RequestId = null)
{
    public bool IsRevoked => Revocation is not null;
}
