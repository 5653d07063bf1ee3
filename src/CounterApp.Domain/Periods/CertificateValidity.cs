using CounterApp.Domain.Residents;

namespace CounterApp.Domain.Periods;

/// <summary>
/// R-CE-03: a certificate is valid from its issue day through the end of three years counted by the Civil Code
/// (<see cref="CivilCodePeriod"/>), but never past the resident card's expiry date, because the key lives on the card.
/// </summary>
public sealed record CertificateValidity
{
    /// <summary>The length of a certificate's validity in years.</summary>
    public const int Years = 3;

    private CertificateValidity(DateOnly issuedOn, DateOnly expiresOn, DateOnly uncappedExpiresOn)
    {
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
        UncappedExpiresOn = uncappedExpiresOn;
    }

    /// <summary>The issue day (or renewal day), the first valid day.</summary>
    public DateOnly IssuedOn { get; }

    /// <summary>有効期間満了日: the last valid day (inclusive), after the card's cap.</summary>
    public DateOnly ExpiresOn { get; }

    /// <summary>The end of the three years alone, before the card's cap.</summary>
    public DateOnly UncappedExpiresOn { get; }

    /// <summary>True when the card expires before the three years end, so its expiry date became the certificate's.</summary>
    public bool IsCappedByCard => ExpiresOn < UncappedExpiresOn;

    /// <summary>The validity of a certificate issued on <paramref name="issuedOn"/> onto a card that expires on <paramref name="cardExpiryDate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The card has expired before the issue day; R-EL-02 refuses that before any certificate is made.</exception>
    public static CertificateValidity For(DateOnly issuedOn, DateOnly cardExpiryDate)
    {
        if (cardExpiryDate < issuedOn)
        {
            throw new ArgumentOutOfRangeException(nameof(cardExpiryDate), cardExpiryDate, "The card expired before the issue day; no certificate can be issued onto it.");
        }

        var uncapped = CivilCodePeriod.EndOfYears(issuedOn, Years);
        return new CertificateValidity(issuedOn, cardExpiryDate < uncapped ? cardExpiryDate : uncapped, uncapped);
    }

    /// <summary>The validity of a certificate issued on <paramref name="issuedOn"/> onto <paramref name="card"/>.</summary>
    public static CertificateValidity For(DateOnly issuedOn, ResidentCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return For(issuedOn, card.ExpiryDate);
    }

    /// <summary>
    /// What the clerk tells the resident when the card shortened the validity, in the current UI culture; null when it did not.
    /// A notice, not a broken rule: issuance goes ahead.
    /// </summary>
    public string? CapNotice() =>
        IsCappedByCard ? PeriodMessages.Catalog.Format("ValidityCappedByCard", ExpiresOn, UncappedExpiresOn) : null;
}
