namespace CounterApp.Web.Features.DocumentCopies;

/// <summary>Section "DocumentCopies": limits and retention of the identity-document copies (R-ID-04).</summary>
public sealed class DocumentCopyOptions
{
    public const string Section = "DocumentCopies";

    /// <summary>The largest copy accepted, in bytes (default 10 MB: a 300 dpi colour scan of a card, or a few PDF pages).</summary>
    public long MaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>
    /// Days a copy is kept after it is stored; it is purged the day after. Default 1825 (five years): the certificate
    /// it supported lives three years (R-CE-03) and may be questioned after that, and five years is the usual retention
    /// class for municipal application records. Each municipality sets its own under its document rules.
    /// </summary>
    public int RetentionDays { get; set; } = 1825;

    /// <summary>The key file; default <c>keys/document-copies.key</c> in the data folder (Database:DataDirectory).</summary>
    public string? KeyFile { get; set; }
}
