namespace CounterApp.Web.Data.Entities;

/// <summary>R-FE-04: an office's fee day; once closed by a supervisor it never changes.</summary>
public sealed class LedgerDay : IVersioned
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public DateOnly Day { get; set; }

    public LedgerDayStatus Status { get; set; }

    public int? CashCounted { get; set; }

    public int? ExpectedTotal { get; set; }

    public string? ClosedBy { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>SHA-256 of the stored ledger PDF of the closed day.</summary>
    public string? LedgerPdfSha256 { get; set; }

    public byte[]? LedgerPdf { get; set; }

    public int Version { get; set; }
}

public enum LedgerDayStatus
{
    Open,
    Closed,
}
