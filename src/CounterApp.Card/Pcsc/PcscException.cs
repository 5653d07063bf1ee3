namespace CounterApp.Card.Pcsc;

/// <summary>A PC/SC call failed; <see cref="ErrorCode"/> is the SCARD_* code.</summary>
public sealed class PcscException : IOException
{
    public PcscException()
    {
    }

    public PcscException(string message)
        : base(message)
    {
    }

    public PcscException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PcscException(string call, uint errorCode)
        : base($"{call} failed: {PcscError.Name(errorCode)}.")
    {
        ErrorCode = errorCode;
    }

    public uint ErrorCode { get; }

    internal static void ThrowIfFailed(string call, uint code)
    {
        if (code != PcscError.Success)
        {
            throw new PcscException(call, code);
        }
    }
}
