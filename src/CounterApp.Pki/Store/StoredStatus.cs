namespace CounterApp.Pki.Store;

/// <summary>What OCSP needs of one certificate this CA signed: whether, when and why it was revoked; no DER.</summary>
/// <param name="Revocation">Null while the certificate is not revoked.</param>
public sealed record StoredStatus(CertificateRevocation? Revocation)
{
    /// <summary>Not revoked; shared, since it carries nothing else.</summary>
    public static readonly StoredStatus Unrevoked = new((CertificateRevocation?)null);

    public bool IsRevoked => Revocation is not null;
}
