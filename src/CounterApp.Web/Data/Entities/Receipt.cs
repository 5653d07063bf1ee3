namespace CounterApp.Web.Data.Entities;

/// <summary>
/// A payment's receipt (R-FE-02): numbered sequentially per office and fiscal year, never reused or skipped
/// (allocated from <see cref="ReceiptSequence"/> in the payment's own transaction).
/// </summary>
public sealed class Receipt
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public int FiscalYear { get; set; }

    public int Sequence { get; set; }

    /// <summary>The printed number, e.g. 001-2026-000042; unique.</summary>
    public required string Number { get; set; }

    public Guid? ApplicationId { get; set; }

    public int? CounterId { get; set; }

    public required string Clerk { get; set; }

    public DateTime PaidAt { get; set; }

    /// <summary>The ledger day (Tokyo date) the payment belongs to.</summary>
    public DateOnly LedgerDay { get; set; }

    public int Total { get; set; }

    public List<ReceiptLine> Lines { get; set; } = [];

    public ReceiptVoid? Void { get; set; }
}

/// <summary>One fee line of a receipt (R-FE-01).</summary>
public sealed class ReceiptLine
{
    public long Id { get; set; }

    public long ReceiptId { get; set; }

    public CounterApp.Domain.Fees.FeeItem Item { get; set; }

    public int Amount { get; set; }
}

/// <summary>R-FE-03: a void or refund with reason and approving supervisor, on the day it was made.</summary>
public sealed class ReceiptVoid
{
    public long Id { get; set; }

    public long ReceiptId { get; set; }

    public CounterApp.Domain.Fees.PaymentVoidKind Kind { get; set; }

    public required string Reason { get; set; }

    public required string RequestedBy { get; set; }

    public required string ApprovedBy { get; set; }

    public DateTime At { get; set; }

    public DateOnly LedgerDay { get; set; }
}

/// <summary>The last receipt number used per office and fiscal year; updated under a row lock.</summary>
public sealed class ReceiptSequence
{
    public int OfficeId { get; set; }

    public int FiscalYear { get; set; }

    public int LastNumber { get; set; }
}
