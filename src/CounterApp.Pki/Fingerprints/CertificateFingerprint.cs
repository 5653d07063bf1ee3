using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CounterApp.Pki.Fingerprints;

/// <summary>
/// A certificate fingerprint (R-CE-07) in the form published to residents: upper-case hex in groups of four,
/// "35C4 C9ED D1BF …". A typed fingerprint matches regardless of case, spaces and colons (also their full-width forms,
/// as typed on a Japanese keyboard), which is how different software prints the same value.
/// </summary>
public sealed class CertificateFingerprint : IEquatable<CertificateFingerprint>
{
    private CertificateFingerprint(FingerprintAlgorithm algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    public FingerprintAlgorithm Algorithm { get; }

    /// <summary>Upper-case hex without separators.</summary>
    public string Hex { get; }

    /// <summary>"SHA-256" or "SHA-1", as labelled on the printed copy.</summary>
    public string AlgorithmLabel => Algorithm == FingerprintAlgorithm.Sha256 ? "SHA-256" : "SHA-1";

    /// <summary>"35C4 C9ED D1BF 6D48 …": groups of four hex digits separated by single spaces.</summary>
    public string Grouped
    {
        get
        {
            var builder = new StringBuilder(Hex.Length + (Hex.Length / 4));
            for (var i = 0; i < Hex.Length; i += 4)
            {
                builder.Append(i == 0 ? string.Empty : " ").Append(Hex.AsSpan(i, Math.Min(4, Hex.Length - i)));
            }

            return builder.ToString();
        }
    }

    /// <summary>The fingerprint of a certificate (over its DER).</summary>
    public static CertificateFingerprint Of(X509Certificate2 certificate, FingerprintAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Of(certificate.RawData, algorithm);
    }

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "R-CE-07: the SHA-1 fingerprint is the form published to residents; it is shown next to SHA-256.")]
    public static CertificateFingerprint Of(ReadOnlySpan<byte> certificateDer, FingerprintAlgorithm algorithm)
    {
        var hash = algorithm switch
        {
            FingerprintAlgorithm.Sha256 => SHA256.HashData(certificateDer),
            FingerprintAlgorithm.Sha1 => SHA1.HashData(certificateDer),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Only SHA-256 and SHA-1 fingerprints are published."),
        };
        return new CertificateFingerprint(algorithm, Convert.ToHexString(hash));
    }

    /// <summary>A published or typed fingerprint; the algorithm follows from its length (64 or 40 hex digits).</summary>
    public static bool TryParse(string? text, out CertificateFingerprint? fingerprint)
    {
        fingerprint = null;
        var hex = Normalize(text);
        FingerprintAlgorithm? algorithm = hex?.Length switch
        {
            64 => FingerprintAlgorithm.Sha256,
            40 => FingerprintAlgorithm.Sha1,
            _ => null,
        };
        if (algorithm is null)
        {
            return false;
        }

        fingerprint = new CertificateFingerprint(algorithm.Value, hex!);
        return true;
    }

    /// <summary>True when <paramref name="typed"/> is this fingerprint, ignoring case, spaces and colons.</summary>
    public bool Matches(string? typed) => string.Equals(Normalize(typed), Hex, StringComparison.Ordinal);

    public bool Equals(CertificateFingerprint? other) => other is not null && other.Algorithm == Algorithm && other.Hex == Hex;

    public override bool Equals(object? obj) => Equals(obj as CertificateFingerprint);

    public override int GetHashCode() => HashCode.Combine(Algorithm, Hex);

    public override string ToString() => Grouped;

    /// <summary>Upper-case hex with separators removed, or null when anything but hex, whitespace and colons is left.</summary>
    private static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // NFKC folds full-width digits, letters and colons (３５Ｃ４：) into ASCII.
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiHexDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (!char.IsWhiteSpace(c) && c != ':')
            {
                return null;
            }
        }

        return builder.ToString().ToUpper(CultureInfo.InvariantCulture);
    }
}
