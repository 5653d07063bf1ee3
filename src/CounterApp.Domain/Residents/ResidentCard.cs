namespace CounterApp.Domain.Residents;

/// <summary>A resident card (住基カード) as the rules see it.</summary>
/// <param name="CardNumber">The card's number printed on it.</param>
/// <param name="IssuingMunicipalityCode">The municipality that issued the card (R-EL-02).</param>
/// <param name="HasPhoto">写真付き: decides same day vs two visits (R-VI-01/02) and whether it is itself a photo ID (R-ID-01).</param>
/// <param name="ExpiryDate">The last day the card is valid (inclusive); also caps the certificate's validity (R-CE-03).</param>
public sealed record ResidentCard(
    string CardNumber,
    string ResidentCode,
    string IssuingMunicipalityCode,
    bool HasPhoto,
    DateOnly ExpiryDate,
    CardStatus Status)
{
    /// <summary>In force on this day: active and not past its expiry date.</summary>
    public bool IsInForceOn(DateOnly day) => Status == CardStatus.Active && day <= ExpiryDate;
}
