namespace CounterApp.Web.Features.DocumentCopies;

/// <summary>Why a copy was not stored or shown; <see cref="None"/> when it was.</summary>
public enum DocumentCopyRefusal
{
    None,
    StaffRequired,
    ContentTypeNotAllowed,
    Empty,
    TooLarge,
    ContentDoesNotMatchType,
    DocumentNotFound,
    AlreadyCopied,
    PurposeRequired,
    PurposeTooLong,
    CopyNotFound,
    Purged,
    KeyMismatch,
    Tampered,
}

/// <summary>The stored copy's id, or the refusal with its Japanese message (R-X-03).</summary>
public sealed record DocumentCopyStoreResult(long? CopyId, DocumentCopyRefusal Refusal, string? Message)
{
    public bool Stored => CopyId is not null;
}

/// <summary>A copy opened for viewing: the plaintext and what is known about it.</summary>
public sealed record DocumentCopyView(long CopyId, long PresentedDocumentId, string ContentType, byte[] Content, string Sha256, DateOnly RetainUntil);

/// <summary>The opened copy, or the refusal with its Japanese message.</summary>
public sealed record DocumentCopyViewResult(DocumentCopyView? View, DocumentCopyRefusal Refusal, string? Message);
