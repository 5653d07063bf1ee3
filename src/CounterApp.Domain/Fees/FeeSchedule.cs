namespace CounterApp.Domain.Fees;

/// <summary>The configurable fee schedule in yen (R-FE-01); the demo values are the defaults.</summary>
public sealed record FeeSchedule(int Issuance = 500, int Renewal = 500, int ResidentCard = 500)
{
    public static FeeSchedule Default { get; } = new();

    public int AmountOf(FeeItem item) => item switch
    {
        FeeItem.CertificateIssuance => Issuance,
        FeeItem.CertificateRenewal => Renewal,
        FeeItem.ResidentCard => ResidentCard,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };
}
