namespace CounterApp.Web.Data.Entities;

/// <summary>
/// R-ID-04: the scanned copy of a presented document. The metadata lives here; the encrypted bytes live in
/// <see cref="DocumentCopyContent"/> so listing copies never loads images.
/// </summary>
public sealed class DocumentCopy
{
    public long Id { get; set; }

    public long PresentedDocumentId { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the plaintext, hex.</summary>
    public required string Sha256 { get; set; }

    public DateTime StoredAt { get; set; }

    /// <summary>The copy is purged after this day (configurable retention).</summary>
    public DateOnly RetainUntil { get; set; }

    public DateTime? PurgedAt { get; set; }

    public DocumentCopyContent? Content { get; set; }
}

/// <summary>The encrypted bytes of a copy (AES-GCM): nonce, ciphertext and tag, and which key sealed them.</summary>
public sealed class DocumentCopyContent
{
    public long DocumentCopyId { get; set; }

    public required string KeyId { get; set; }

    public required byte[] Nonce { get; set; }

    public required byte[] Ciphertext { get; set; }

    public required byte[] Tag { get; set; }
}

/// <summary>Every view of a copy: who, when, and the recorded purpose.</summary>
public sealed class DocumentCopyAccess
{
    public long Id { get; set; }

    public long DocumentCopyId { get; set; }

    public DateTime At { get; set; }

    public required string StaffId { get; set; }

    public required string Purpose { get; set; }
}
