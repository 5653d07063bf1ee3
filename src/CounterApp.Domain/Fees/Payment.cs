namespace CounterApp.Domain.Fees;

/// <summary>A payment taken at the counter: its receipt, its lines, who took it and when; and its void if any (R-FE-03).</summary>
public sealed record Payment(ReceiptNumber Receipt, IReadOnlyList<FeeLine> Lines, string Clerk, DateTimeOffset PaidAt)
{
    public int Total => FeeRules.Total(Lines);

    public PaymentVoid? Void { get; init; }

    public bool Stands => Void is null;
}

/// <summary>
/// R-FE-03: a void (取消) or refund (還付) of a payment in the same visit, with the reason and the approving supervisor,
/// who is not the clerk who asked for it.
/// </summary>
public sealed record PaymentVoid(PaymentVoidKind Kind, string Reason, string RequestedBy, string ApprovedBy, DateTimeOffset At);

/// <summary>Voided before the money left the drawer, or refunded after.</summary>
public enum PaymentVoidKind
{
    Void,
    Refund,
}
