namespace CounterApp.Domain.Fees;

/// <summary>One line of a payment: what and how much (yen).</summary>
public sealed record FeeLine(FeeItem Item, int Amount);
