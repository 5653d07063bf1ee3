namespace CounterApp.Card.Connection;

/// <summary>
/// The card was reset (or powered off and on) by someone else since the last exchange: its security state is
/// lost. The connection is usable again; the caller restarts its step.
/// </summary>
public sealed class CardResetException : IOException
{
    public CardResetException()
        : base("The card was reset; verified PINs and issuer authentication were lost.")
    {
    }

    public CardResetException(string message)
        : base(message)
    {
    }

    public CardResetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
