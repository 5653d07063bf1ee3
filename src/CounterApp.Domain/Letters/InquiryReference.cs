using System.Globalization;

namespace CounterApp.Domain.Letters;

/// <summary>
/// The letter's reference number (R-VI-04): 11 digits plus a Luhn check digit, so a mistyped or misread
/// number is refused at the second visit instead of finding someone else's letter.
/// </summary>
public sealed record InquiryReference
{
    private InquiryReference(string value) => Value = value;

    public string Value { get; }

    /// <summary>Builds a reference from an 11-digit body (e.g. office number and a sequence), adding the check digit.</summary>
    public static InquiryReference FromBody(long body)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(body);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(body, 99_999_999_999L);
        var digits = body.ToString("D11", CultureInfo.InvariantCulture);
        return new InquiryReference(digits + CheckDigit(digits));
    }

    /// <summary>
    /// Parses what was typed or scanned; spaces and dashes are ignored (including the 長音 ー and minus − that
    /// Japanese input methods produce for a hyphen), full-width digits accepted.
    /// </summary>
    public static bool TryParse(string? text, out InquiryReference? reference)
    {
        reference = null;
        if (text is null)
        {
            return false;
        }

        var digits = new string(text.Normalize(System.Text.NormalizationForm.FormKC)
            .Where(c => c is not (' ' or '-' or 'ー' or '−' or '‐' or '–' or '—')).ToArray());
        if (digits.Length != 12 || !digits.All(char.IsAsciiDigit) || CheckDigit(digits[..11]) != digits[11])
        {
            return false;
        }

        reference = new InquiryReference(digits);
        return true;
    }

    /// <summary>Shown on the letter in groups of four: 1234-5678-9012.</summary>
    public string Display => $"{Value[..4]}-{Value[4..8]}-{Value[8..]}";

    public override string ToString() => Value;

    private static char CheckDigit(string body)
    {
        // Luhn: from the right, double every other digit starting with the rightmost body digit.
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
