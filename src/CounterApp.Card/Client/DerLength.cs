namespace CounterApp.Card.Client;

/// <summary>The total length of a DER element from its first bytes (tag, then short or long length form).</summary>
internal static class DerLength
{
    public static int? TotalLength(ReadOnlySpan<byte> head)
    {
        if (head.Length < 2 || head[0] != 0x30)
        {
            return null;
        }

        if (head[1] < 0x80)
        {
            return 2 + head[1];
        }

        var count = head[1] & 0x7F;
        if (count is 0 or > 2 || head.Length < 2 + count)
        {
            return null;
        }

        var length = 0;
        for (var i = 0; i < count; i++)
        {
            length = (length << 8) | head[2 + i];
        }

        return 2 + count + length;
    }
}
