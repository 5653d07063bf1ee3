namespace CounterApp.Web.Features.CardSession;

/// <summary>Section "CardSession".</summary>
public sealed class CardSessionOptions
{
    public const string Section = "CardSession";

    /// <summary>
    /// File holding the issuer master secret (at least 32 bytes, raw). Required on PostgreSQL; with the embedded SQLite
    /// default a 32-byte file is generated in the data folder (mode 0600) on first use. Never logged.
    /// </summary>
    public string? IssuerMasterSecretFile { get; set; }
}
