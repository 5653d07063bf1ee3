namespace CounterApp.Web.Data.Entities;

/// <summary>
/// The counter's links for a signing certificate the prefectural CA issued: which resident, card and application it
/// belongs to, its dates (for the counter's queries) and whether the card locked it. Its DER and its status (revoked
/// or not, when, why) live only in the CA register (<see cref="CaCertificateRecord"/>, by serial): read them through
/// <c>Applications.CertificateRegister</c>.
/// </summary>
public sealed class CertificateRecord
{
    public long Id { get; set; }

    /// <summary>Upper-case hex, as in the CA register; unique: serials are never reused.</summary>
    public required string Serial { get; set; }

    public long ResidentId { get; set; }

    public long CardId { get; set; }

    public Guid? ApplicationId { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly ExpiresOn { get; set; }

    public bool IsLocked { get; set; }
}
