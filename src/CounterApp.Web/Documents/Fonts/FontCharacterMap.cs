using System.Buffers.Binary;
using System.Text;

namespace CounterApp.Web.Documents.Fonts;

/// <summary>
/// The characters a TrueType font has a glyph for, read from its cmap table (formats 4 and 12, the ones Unicode fonts
/// carry), so text outside the font is found before PDFsharp silently drops it.
/// </summary>
public sealed class FontCharacterMap
{
    private readonly HashSet<int> _codePoints;

    private FontCharacterMap(HashSet<int> codePoints) => _codePoints = codePoints;

    public int Count => _codePoints.Count;

    public bool Covers(int codePoint) => _codePoints.Contains(codePoint);

    public bool Covers(Rune rune) => _codePoints.Contains(rune.Value);

    public static FontCharacterMap Read(FontFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Read(File.ReadAllBytes(file.Path), file.CollectionIndex, file.Path);
    }

    /// <exception cref="InvalidDataException">Not a TrueType font, or no Unicode cmap.</exception>
    public static FontCharacterMap Read(ReadOnlySpan<byte> font, int collectionIndex = 0, string name = "font")
    {
        try
        {
            var offset = 0;
            if (font.Length >= 12 && font[..4].SequenceEqual("ttcf"u8))
            {
                var faces = U32(font, 8);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)collectionIndex, faces, nameof(collectionIndex));
                offset = (int)U32(font, 12 + (4 * collectionIndex));
            }

            var cmap = FindTable(font, offset, "cmap"u8) ?? throw new InvalidDataException($"{name} has no cmap table.");
            var subtable = BestSubtable(font, cmap) ?? throw new InvalidDataException($"{name} has no Unicode cmap subtable.");
            var set = new HashSet<int>();
            switch (U16(font, subtable))
            {
                case 4:
                    ReadFormat4(font, subtable, set);
                    break;
                case 12:
                    ReadFormat12(font, subtable, set);
                    break;
                default:
                    throw new InvalidDataException($"{name}: cmap format {U16(font, subtable)} is not supported.");
            }

            return new FontCharacterMap(set);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException($"{name} is not a readable TrueType font.", e);
        }
    }

    private static int? FindTable(ReadOnlySpan<byte> font, int offset, ReadOnlySpan<byte> tag)
    {
        var tables = U16(font, offset + 4);
        for (var i = 0; i < tables; i++)
        {
            var record = offset + 12 + (16 * i);
            if (font.Slice(record, 4).SequenceEqual(tag))
            {
                return (int)U32(font, record + 8);
            }
        }

        return null;
    }

    // Full-repertoire subtables first (format 12), then the BMP ones (format 4).
    private static int? BestSubtable(ReadOnlySpan<byte> font, int cmap)
    {
        var count = U16(font, cmap + 2);
        int? best = null;
        var bestRank = int.MaxValue;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + (8 * i);
            var platform = U16(font, record);
            var encoding = U16(font, record + 2);
            var at = cmap + (int)U32(font, record + 4);
            var format = U16(font, at);
            var rank = (platform, encoding, format) switch
            {
                (3, 10, 12) => 0,
                (0, _, 12) => 1,
                (3, 1, 4) => 2,
                (0, _, 4) => 3,
                _ => int.MaxValue,
            };
            if (rank < bestRank)
            {
                bestRank = rank;
                best = at;
            }
        }

        return best;
    }

    private static void ReadFormat4(ReadOnlySpan<byte> font, int at, HashSet<int> set)
    {
        var segments = U16(font, at + 6) / 2;
        var ends = at + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            int end = U16(font, ends + (2 * s));
            int start = U16(font, starts + (2 * s));
            var delta = (short)U16(font, deltas + (2 * s));
            int rangeOffset = U16(font, rangeOffsets + (2 * s));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    glyph = U16(font, rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start)));
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    set.Add(c);
                }
            }
        }
    }

    private static void ReadFormat12(ReadOnlySpan<byte> font, int at, HashSet<int> set)
    {
        var groups = U32(font, at + 12);
        for (var g = 0; g < groups; g++)
        {
            var group = at + 16 + (12 * g);
            var start = U32(font, group);
            var end = U32(font, group + 4);
            var glyph = U32(font, group + 8);
            for (var c = start; c <= end && c <= 0x10FFFF; c++, glyph++)
            {
                if (glyph != 0)
                {
                    set.Add((int)c);
                }
            }
        }
    }

    private static ushort U16(ReadOnlySpan<byte> font, int at) => BinaryPrimitives.ReadUInt16BigEndian(font.Slice(at, 2));

    private static uint U32(ReadOnlySpan<byte> font, int at) => BinaryPrimitives.ReadUInt32BigEndian(font.Slice(at, 4));
}
