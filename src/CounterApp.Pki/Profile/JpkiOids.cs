namespace CounterApp.Pki.Profile;

/// <summary>
/// The JPKI personal-data arc (1.2.392.200149.8.5.5) for the four basic data items in subjectAltName otherName entries.
/// The numbering follows certificates read from real cards: 1 name, 3 sex, 4 date of birth, 5 address
/// (2 and 6 are the substitute-character positions, which this CA never writes: names are kept exactly as given, UTF-8).
/// </summary>
public static class JpkiOids
{
    public const string Arc = "1.2.392.200149.8.5.5";

    /// <summary>氏名: family and given name separated by an ideographic space.</summary>
    public const string Name = Arc + ".1";

    /// <summary>性別: ISO/IEC 5218, "1" male, "2" female.</summary>
    public const string Sex = Arc + ".3";

    /// <summary>生年月日: an era code (1 明治 … 5 令和) followed by the Gregorian date, e.g. "419900102".</summary>
    public const string BirthDate = Arc + ".4";

    /// <summary>住所: the registered address from the prefecture on.</summary>
    public const string Address = Arc + ".5";
}
