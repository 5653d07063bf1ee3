namespace CounterApp.Card.Apdu;

/// <summary>The bytes are not a well-formed command APDU (ISO 7816-4 §5.1); a card answers 67 00.</summary>
public sealed class ApduFormatException : FormatException
{
    public ApduFormatException()
    {
    }

    public ApduFormatException(string message)
        : base(message)
    {
    }

    public ApduFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
