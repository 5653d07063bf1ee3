using System.Text;
using CounterApp.Pki.Fingerprints;

namespace CounterApp.Web.Features.CaFingerprint;

/// <summary>How a typed fingerprint compared with the published ones (R-CE-07).</summary>
public enum FingerprintCheckOutcome
{
    /// <summary>Equal to the published fingerprint of its algorithm.</summary>
    Match,

    /// <summary>A well-formed SHA-256 or SHA-1 fingerprint, but not the CA's.</summary>
    Mismatch,

    /// <summary>Nothing but separators was typed.</summary>
    Empty,

    /// <summary>A character other than hex digits, spaces and colons.</summary>
    NotHex,

    /// <summary>32 hex digits: an MD5 fingerprint, which the prefecture does not publish.</summary>
    Md5NotUsed,

    /// <summary>Hex, but neither 64 (SHA-256) nor 40 (SHA-1) digits long.</summary>
    WrongLength,
}

/// <summary>
/// The outcome of one comparison: the algorithm decided by length, the typed value normalized (upper case, groups of
/// four) when it is hex, the number of hex digits, and for <see cref="FingerprintCheckOutcome.NotHex"/> the first
/// character refused.
/// </summary>
public sealed record FingerprintCheck(FingerprintCheckOutcome Outcome, FingerprintAlgorithm? Algorithm, string? Normalized, int HexDigits, string? Refused = null)
{
    public bool IsRefused => Outcome is not (FingerprintCheckOutcome.Match or FingerprintCheckOutcome.Mismatch);
}

/// <summary>
/// R-CE-07 for a fingerprint a resident reads from their screen: case, spaces and colons (also full-width, as typed
/// on a Japanese keyboard) do not matter; the length decides the algorithm: 64 hex digits SHA-256, 40 SHA-1; 32 is MD5
/// and refused (never used); anything else, or any other character, is refused with the reason. Equality itself is
/// <see cref="CertificateFingerprint.Matches"/>.
/// </summary>
public static class TypedFingerprintRule
{
    public const string RuleId = "R-CE-07";

    public const int Sha256Digits = 64;

    public const int Sha1Digits = 40;

    public const int Md5Digits = 32;

    /// <summary>Longer input is not read further (the page's field allows less).</summary>
    public const int MaxLength = 400;

    public static FingerprintCheck Compare(PublishedFingerprints published, string? typed)
    {
        ArgumentNullException.ThrowIfNull(published);
        var folded = (typed ?? string.Empty).Normalize(NormalizationForm.FormKC);
        if (folded.Length > MaxLength)
        {
            return new FingerprintCheck(FingerprintCheckOutcome.WrongLength, null, null, folded.Count(char.IsAsciiHexDigit));
        }

        var hex = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiHexDigit(c))
            {
                hex.Append(char.ToUpperInvariant(c));
            }
            else if (!char.IsWhiteSpace(c) && c != ':')
            {
                return new FingerprintCheck(FingerprintCheckOutcome.NotHex, null, null, 0, char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString());
            }
        }

        var digits = hex.ToString();
        var normalized = Grouped(digits);
        FingerprintAlgorithm? algorithm = digits.Length switch
        {
            Sha256Digits => FingerprintAlgorithm.Sha256,
            Sha1Digits => FingerprintAlgorithm.Sha1,
            _ => null,
        };
        if (algorithm is not { } known)
        {
            var outcome = digits.Length switch
            {
                0 => FingerprintCheckOutcome.Empty,
                Md5Digits => FingerprintCheckOutcome.Md5NotUsed,
                _ => FingerprintCheckOutcome.WrongLength,
            };
            return new FingerprintCheck(outcome, null, digits.Length == 0 ? null : normalized, digits.Length);
        }

        var matches = published.For(known).Matches(typed);
        return new FingerprintCheck(matches ? FingerprintCheckOutcome.Match : FingerprintCheckOutcome.Mismatch, known, normalized, digits.Length);
    }

    /// <summary>"35C4 C9ED …": groups of four, as published.</summary>
    public static string Grouped(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var builder = new StringBuilder(hex.Length + (hex.Length / 4));
        for (var i = 0; i < hex.Length; i += 4)
        {
            builder.Append(i == 0 ? string.Empty : " ").Append(hex.AsSpan(i, Math.Min(4, hex.Length - i)));
        }

        return builder.ToString();
    }
}
