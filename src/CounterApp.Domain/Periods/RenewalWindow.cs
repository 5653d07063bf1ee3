namespace CounterApp.Domain.Periods;

/// <summary>
/// R-CE-04: a certificate may be renewed from three calendar months before its expiry date through the expiry
/// date itself. The opening day has the expiry date's day number three months earlier, or that month's last day
/// when it has no such day (expiry 31 May opens on 28 or 29 February).
/// </summary>
public static class RenewalWindow
{
    /// <summary>How many calendar months before the expiry date renewal opens.</summary>
    public const int MonthsBefore = 3;

    /// <summary>The first day on which a certificate expiring on <paramref name="expiresOn"/> may be renewed.</summary>
    public static DateOnly OpensOn(DateOnly expiresOn) =>
        // AddMonths keeps the day number and clamps a missing one to the month's last day, which is the rule as written.
        expiresOn.AddMonths(-MonthsBefore);

    /// <summary>True when <paramref name="day"/> lies in the window: from <see cref="OpensOn"/> through <paramref name="expiresOn"/>, both inclusive.</summary>
    public static bool IsOpenOn(DateOnly expiresOn, DateOnly day) => day >= OpensOn(expiresOn) && day <= expiresOn;

    /// <summary>
    /// The new certificate's validity when renewing on <paramref name="renewalDay"/>: three years from the renewal day,
    /// not from the old expiry date, and still capped by the card (R-CE-03). Check <see cref="RenewalWindowRule"/> first.
    /// </summary>
    public static CertificateValidity NewValidity(DateOnly renewalDay, DateOnly cardExpiryDate) =>
        CertificateValidity.For(renewalDay, cardExpiryDate);
}
