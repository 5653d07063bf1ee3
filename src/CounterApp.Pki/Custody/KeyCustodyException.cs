namespace CounterApp.Pki.Custody;

/// <summary>A key could not be kept or opened. The message names the key, never the passphrase.</summary>
public sealed class KeyCustodyException : Exception
{
    public KeyCustodyException()
    {
    }

    public KeyCustodyException(string message)
        : base(message)
    {
    }

    public KeyCustodyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
