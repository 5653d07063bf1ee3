namespace CounterApp.Card.Connection;

/// <summary>The card left the reader (or the reader went away); the connection is finished.</summary>
public sealed class CardRemovedException : IOException
{
    public CardRemovedException()
        : base("The card was removed from the reader.")
    {
    }

    public CardRemovedException(string message)
        : base(message)
    {
    }

    public CardRemovedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
