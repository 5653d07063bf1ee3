using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;

namespace CounterApp.Web.Data.Entities;

/// <summary>A signing certificate issued by the prefectural CA and written to a card.</summary>
public sealed class CertificateRecord
{
    public long Id { get; set; }

    /// <summary>Upper-case hex; unique: serials are never reused.</summary>
    public required string Serial { get; set; }

    public long ResidentId { get; set; }

    public long CardId { get; set; }

    public Guid? ApplicationId { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly ExpiresOn { get; set; }

    public CertificateStatus Status { get; set; }

    public bool IsLocked { get; set; }

    public DateTime? RevokedAt { get; set; }

    public RevocationReason? RevocationReason { get; set; }

    /// <summary>The certificate as DER, once issued.</summary>
    public byte[]? Der { get; set; }
}
