using System.Globalization;

namespace CounterApp.Domain.Fees;

/// <summary>
/// R-FE-02: one receipt number per payment, sequential per office and fiscal year, never reused. The sequence
/// itself is allocated by the database (it must hold under concurrent payments); this type gives it its form.
/// </summary>
public sealed record ReceiptNumber
{
    public ReceiptNumber(string officeCode, int fiscalYear, long sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officeCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999_999);
        OfficeCode = officeCode;
        FiscalYear = fiscalYear;
        Sequence = sequence;
    }

    public string OfficeCode { get; }

    public int FiscalYear { get; }

    public long Sequence { get; }

    /// <summary>e.g. 001-2026-000042: office, fiscal year, six-digit sequence.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{OfficeCode}-{FiscalYear:D4}-{Sequence:D6}");

    /// <summary>The number that follows this one in the same office and fiscal year.</summary>
    public ReceiptNumber Next() => new(OfficeCode, FiscalYear, Sequence + 1);
}
