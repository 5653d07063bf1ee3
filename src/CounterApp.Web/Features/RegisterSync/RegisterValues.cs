using System.Globalization;
using System.Text;
using CounterApp.Domain.Residents;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>
/// The register's values as the CSV import and the change events both accept them. Each check returns the
/// Japanese message naming the field (R-X-03), or null when the value is good.
/// </summary>
internal static class RegisterValues
{
    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 400;
    public const int WardMaxLength = 100;
    public const int CardNumberMaxLength = 32;

    public static string? ResidentCodeOf(string label, string? raw, out string value)
    {
        value = raw?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return Message("Required", label);
        }

        return ResidentCode.IsWellFormed(value) ? null : Message("ResidentCodeFormat", label);
    }

    /// <summary>A name (氏 or 名) or an address: required, trimmed, no control characters, at most <paramref name="maxLength"/>.</summary>
    public static string? Text(string label, string? raw, int maxLength, out string value)
    {
        value = raw?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return Message("Required", label);
        }

        return Plain(label, value, maxLength);
    }

    /// <summary>An optional text (区): empty is null.</summary>
    public static string? OptionalText(string label, string? raw, int maxLength, out string? value)
    {
        var trimmed = raw?.Trim() ?? string.Empty;
        value = trimmed.Length == 0 ? null : trimmed;
        return value is null ? null : Plain(label, value, maxLength);
    }

    /// <summary>A kana reading: full-width katakana after NFKC (half-width kana is accepted and widened).</summary>
    public static string? Kana(string label, string? raw, out string value)
    {
        value = (raw ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim();
        if (value.Length == 0)
        {
            return Message("Required", label);
        }

        if (value.Length > NameMaxLength)
        {
            return Message("TooLong", label, NameMaxLength);
        }

        return value.All(c => c is (>= '\u30A0' and <= '\u30FF') or ' ') ? null : Message("KanaOnly", label);
    }

    public static string? Date(string label, string? raw, out DateOnly value)
    {
        var text = raw?.Trim() ?? string.Empty;
        value = default;
        if (text.Length == 0)
        {
            return Message("Required", label);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            ? null
            : Message("DateFormat", label);
    }

    public static string? SexOf(string label, string? raw, out Sex value)
    {
        value = default;
        switch (raw?.Trim().ToUpperInvariant())
        {
            case null or "":
                return Message("Required", label);
            case "男" or "1" or "MALE":
                value = Sex.Male;
                return null;
            case "女" or "2" or "FEMALE":
                value = Sex.Female;
                return null;
            default:
                return Message("SexValue", label);
        }
    }

    public static string? StatusOf(string label, string? raw, out RegisterStatus value)
    {
        value = default;
        switch (raw?.Trim().ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal))
        {
            case null or "":
                return Message("Required", label);
            case "住民" or "REGISTERED":
                value = RegisterStatus.Registered;
                return null;
            case "転出" or "MOVEDOUT":
                value = RegisterStatus.MovedOut;
                return null;
            case "死亡" or "DECEASED":
                value = RegisterStatus.Deceased;
                return null;
            default:
                return Message("StatusValue", label);
        }
    }

    public static string? Flag(string label, string? raw, out bool value)
    {
        value = false;
        switch (raw?.Trim().ToUpperInvariant())
        {
            case null or "":
                return Message("Required", label);
            case "有" or "1" or "TRUE":
                value = true;
                return null;
            case "無" or "0" or "FALSE":
                return null;
            default:
                return Message("FlagValue", label);
        }
    }

    public static string? CardNumberOf(string label, string? raw, out string value)
    {
        value = raw?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return Message("Required", label);
        }

        return value.Length <= CardNumberMaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? null
            : Message("CardNumberFormat", label, CardNumberMaxLength);
    }

    /// <summary>
    /// A card's chip serial (R-CA-04): exactly 16 upper-case hexadecimal characters, as the card's EF 0006 holds it.
    /// Nothing is folded: a lower-case or short value is refused, since a near miss would refuse the resident's own card.
    /// </summary>
    public static string? ChipSerialOf(string label, string? raw, out string value)
    {
        value = raw?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return Message("Required", label);
        }

        return CounterApp.Card.Profile.TokenInfo.IsValidSerial(value) ? null : Message("ChipSerialFormat", label, CounterApp.Card.Profile.TokenInfo.SerialLength);
    }

    public static string Message(string key, params object?[] args) => RegisterSyncMessages.Format(key, args);

    private static string? Plain(string label, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            return Message("TooLong", label, maxLength);
        }

        return value.Any(char.IsControl) ? Message("ControlCharacters", label) : null;
    }
}
