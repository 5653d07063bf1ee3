namespace CounterApp.Card.Apdu;

/// <summary>A response APDU: the data field followed by the status word.</summary>
public sealed class ResponseApdu
{
    public ResponseApdu(ReadOnlyMemory<byte> data, StatusWord statusWord)
    {
        Data = data;
        StatusWord = statusWord;
    }

    public ResponseApdu(StatusWord statusWord)
        : this(ReadOnlyMemory<byte>.Empty, statusWord)
    {
    }

    public ReadOnlyMemory<byte> Data { get; }

    public StatusWord StatusWord { get; }

    public bool IsSuccess => StatusWord.IsSuccess;

    public static ResponseApdu Parse(ReadOnlySpan<byte> response)
    {
        if (response.Length < 2)
        {
            throw new ApduFormatException($"A response APDU has at least the two status bytes; got {response.Length}.");
        }

        var data = response[..^2].ToArray();
        return new ResponseApdu(data, new StatusWord(response[^2], response[^1]));
    }

    public byte[] Encode()
    {
        var bytes = new byte[Data.Length + 2];
        Data.Span.CopyTo(bytes);
        bytes[^2] = StatusWord.Sw1;
        bytes[^1] = StatusWord.Sw2;
        return bytes;
    }

    public override string ToString() => $"{Data.Length} bytes, SW {StatusWord}";
}
