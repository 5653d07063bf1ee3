namespace CounterApp.Web.Data.Entities;

/// <summary>
/// R-X-01: one audited action — who, when, counter, resident, what, outcome — in an append-only SHA-256 chain:
/// each row's hash covers its own fields and the previous row's hash. Never a PIN or password (R-X-02).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public string? Counter { get; set; }

    public string? ResidentCode { get; set; }

    public required string Action { get; set; }

    public required string Outcome { get; set; }

    public string? Details { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
