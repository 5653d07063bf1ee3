using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CounterApp.Web.Documents.Pdf;

/// <summary>
/// PDFsharp writes a random trailer /ID, random XMP DocumentID/InstanceID and random font-subset tags on every save.
/// A stored ledger must reprint byte for byte, so each of those is replaced, at the same length (the cross-reference
/// offsets stay valid), by a value derived from the SHA-256 of the document with them blanked: the same content
/// always gets the same identifiers, and different content different ones.
/// </summary>
internal static partial class DeterministicPdf
{
    public static byte[] Fix(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);

        // Latin-1 maps each byte to one char and back, so the regexes work on bytes and lengths do not move.
        var text = Encoding.Latin1.GetString(pdf);
        var tags = SubsetTag().Matches(text).Select(m => m.Groups["tag"].Value).Distinct(StringComparer.Ordinal).ToList();
        var blank = SubsetTag().Replace(text, m => m.Groups["prefix"].Value + "AAAAAA+");
        blank = XmpId().Replace(blank, m => m.Groups["prefix"].Value + "00000000-0000-0000-0000-000000000000");
        blank = TrailerId().Replace(blank, m => m.Groups["prefix"].Value + new string('0', 32) + "><" + new string('0', 32) + ">");
        var seed = SHA256.HashData(Encoding.Latin1.GetBytes(blank));

        var replacements = tags.Select((tag, i) => (tag, Tag(seed, i))).ToDictionary(t => t.tag, t => t.Item2, StringComparer.Ordinal);
        var id = Convert.ToHexString(seed, 0, 16);
        var uuid = new Guid(seed.AsSpan(0, 16)).ToString("D");
        var fixedText = SubsetTag().Replace(text, m => m.Groups["prefix"].Value + replacements[m.Groups["tag"].Value] + "+");
        fixedText = XmpId().Replace(fixedText, m => m.Groups["prefix"].Value + uuid);
        fixedText = TrailerId().Replace(fixedText, m => m.Groups["prefix"].Value + id + "><" + id + ">");
        var result = Encoding.Latin1.GetBytes(fixedText);
        return result.Length == pdf.Length ? result : throw new InvalidOperationException("Fixing the PDF identifiers changed its length.");
    }

    private static string Tag(byte[] seed, int index)
    {
        var hash = SHA256.HashData([.. seed, (byte)index, (byte)(index >> 8)]);
        return new string(hash.Take(6).Select(b => (char)('A' + (b % 26))).ToArray());
    }

    [GeneratedRegex(@"(?<prefix>/(?:BaseFont|FontName)\s*/)(?<tag>[A-Z]{6})\+")]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"(?<prefix><xmpMM:(?:DocumentID|InstanceID)>uuid:)[0-9a-fA-F-]{36}")]
    private static partial Regex XmpId();

    [GeneratedRegex(@"(?<prefix>/ID\s*\[\s*<)[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>")]
    private static partial Regex TrailerId();
}
