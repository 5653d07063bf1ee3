namespace CounterApp.Web.Features.RegisterSync;

/// <summary>What an import did (or, in a dry run, would do). With any <see cref="Errors"/>, nothing was imported.</summary>
public sealed record RegisterImportReport(
    bool DryRun,
    bool Applied,
    int Inserted,
    int Updated,
    int Unchanged,
    int RevocationRequests,
    IReadOnlyList<RegisterImportRow> Changes,
    IReadOnlyList<RegisterImportError> Errors);

/// <summary>A resident the import inserts or updates: the CSV line, the code, and which fields change.</summary>
public sealed record RegisterImportRow(int Line, string ResidentCode, RegisterImportOutcome Outcome, IReadOnlyList<string> ChangedFields, int RevocationRequests);

/// <summary>A refused row or file: line (0 when the file as a whole), column header (null for the whole row), and the reason in Japanese.</summary>
public sealed record RegisterImportError(int Line, string? Column, string Reason);

public enum RegisterImportOutcome
{
    Inserted,
    Updated,
    Unchanged,
}
