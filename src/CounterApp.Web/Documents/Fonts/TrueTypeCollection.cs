using System.Buffers.Binary;

namespace CounterApp.Web.Documents.Fonts;

/// <summary>
/// PDFsharp takes one font per file; Windows' Japanese fonts come as collections (.ttc: Yu Gothic, MS Gothic). This
/// copies one face out of a collection into a standalone TrueType file (its tables, offsets rebased).
/// </summary>
internal static class TrueTypeCollection
{
    /// <summary>The face at <paramref name="index"/>; a plain .ttf is returned as it is.</summary>
    public static byte[] Face(byte[] font, int index)
    {
        ArgumentNullException.ThrowIfNull(font);
        if (font.Length < 12 || !font.AsSpan(0, 4).SequenceEqual("ttcf"u8))
        {
            return font;
        }

        var faces = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(8));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, faces, nameof(index));
        var start = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + (4 * index)));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(start + 4));
        var headerLength = 12 + (16 * tables);

        var records = Enumerable.Range(0, tables).Select(i =>
        {
            var record = font.AsSpan(start + 12 + (16 * i), 16);
            return (Record: record.ToArray(), Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), Length: (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }).ToList();

        var size = headerLength + records.Sum(r => Align(r.Length));
        var result = new byte[size];
        font.AsSpan(start, 12).CopyTo(result);
        var at = headerLength;
        for (var i = 0; i < records.Count; i++)
        {
            var (record, offset, length) = records[i];
            BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(8), (uint)at);
            record.CopyTo(result.AsSpan(12 + (16 * i)));
            font.AsSpan(offset, length).CopyTo(result.AsSpan(at));
            at += Align(length);
        }

        return result;
    }

    private static int Align(int length) => (length + 3) & ~3;
}
