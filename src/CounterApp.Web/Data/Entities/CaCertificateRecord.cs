using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;

namespace CounterApp.Web.Data.Entities;

/// <summary>
/// A certificate the prefectural CA signed, as CounterApp.Pki's store keeps it: the CA's own, its OCSP responder's,
/// residents' and cross-certificates. The CA's memory, apart from the counter's <see cref="CertificateRecord"/>
/// (which follows a resident's certificate through the procedures and links to the card).
/// </summary>
public sealed class CaCertificateRecord
{
    public long Id { get; set; }

    /// <summary>The CA's id (e.g. toyama); serials are unique per CA (unique index).</summary>
    public required string AuthorityId { get; set; }

    /// <summary>Upper-case hex, no leading zero octets (<see cref="CertificateSerial.Hex"/>).</summary>
    public required string Serial { get; set; }

    public CertificateKind Kind { get; set; }

    /// <summary>The certificate, DER.</summary>
    public required byte[] Der { get; set; }

    public DateTime NotBefore { get; set; }

    public DateTime NotAfter { get; set; }

    /// <summary>When the revocation took effect; null while the certificate is not revoked. Set once, never cleared.</summary>
    public DateTime? RevokedAt { get; set; }

    public RevocationReason? RevocationReason { get; set; }

    /// <summary>The issuance request a subscriber certificate answers (R-CE-09); unique per CA, so a request is signed once.</summary>
    public Guid? RequestId { get; set; }
}
