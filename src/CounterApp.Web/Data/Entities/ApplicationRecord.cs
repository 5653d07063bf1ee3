using CounterApp.Domain.Applications;

namespace CounterApp.Web.Data.Entities;

/// <summary>An application at the counter; its history is kept row by row in <see cref="ApplicationStateChange"/>.</summary>
public sealed class ApplicationRecord : IVersioned
{
    public Guid Id { get; set; }

    public int OfficeId { get; set; }

    public int? CounterId { get; set; }

    public long ResidentId { get; set; }

    public ResidentRecord? Resident { get; set; }

    public Procedure Procedure { get; set; }

    public ApplicantKind Applicant { get; set; }

    public ApplicationState State { get; set; }

    public DateTime ReceivedAt { get; set; }

    public required string ReceivedBy { get; set; }

    public string? IssuedSerial { get; set; }

    /// <summary>R-CE-09: the request id the CA is asked to sign under, recorded before it is asked (with the card and key hash).</summary>
    public Guid? IssuanceRequestId { get; set; }

    /// <summary>The card number of the card the key was generated on, for the recorded request.</summary>
    public string? IssuanceCardNumber { get; set; }

    /// <summary>SHA-256 of the card's public key (SubjectPublicKeyInfo), upper-case hex, for the recorded request.</summary>
    public string? IssuanceKeySha256 { get; set; }

    /// <summary>Rule IDs that refused it, comma-separated, when refused.</summary>
    public string? RefusedFor { get; set; }

    /// <summary>Obligations still owed after a failure (comma-separated <see cref="Obligation"/> names).</summary>
    public string? Outstanding { get; set; }

    public int Version { get; set; }

    public List<ApplicationStateChange> History { get; set; } = [];

    public List<PresentedDocumentRecord> Documents { get; set; } = [];
}
