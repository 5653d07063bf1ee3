using CounterApp.Domain.Documents;

namespace CounterApp.Web.Data.Entities;

/// <summary>A document shown at the counter for an application (identity document, answer sheet, 委任状, 印鑑登録証明書).</summary>
public sealed class PresentedDocumentRecord
{
    public long Id { get; set; }

    public Guid ApplicationId { get; set; }

    public PresentedDocumentKind Kind { get; set; }

    /// <summary>For identity documents: the code in the reference list (R-ID-01).</summary>
    public string? TypeCode { get; set; }

    public DocumentHolder Holder { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public bool AddressMatchesRegister { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }

    public DocumentCopy? Copy { get; set; }
}

/// <summary>What kind of paper was presented.</summary>
public enum PresentedDocumentKind
{
    IdentityDocument,
    AnswerSheet,
    PowerOfAttorney,
    SealCertificate,
}
