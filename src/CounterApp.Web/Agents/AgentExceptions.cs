namespace CounterApp.Web.Agents;

/// <summary>
/// The reader agent is not connected, or its connection ended while a card operation was under way: the operation's
/// outcome on the card is unknown and the card session is over. The card step is failed; the clerk starts again once
/// the agent is back (it reconnects by itself), and the procedure compensates what already happened on the server.
/// </summary>
public sealed class AgentDisconnectedException : IOException
{
    public AgentDisconnectedException()
        : base("The reader agent is not connected.")
    {
    }

    public AgentDisconnectedException(string message)
        : base(message)
    {
    }

    public AgentDisconnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The agent answered a card request with an error other than a removed or reset card (busy, unknown-reader, failed, …).</summary>
public sealed class AgentOperationException : IOException
{
    public AgentOperationException()
    {
        Code = "";
    }

    public AgentOperationException(string message)
        : base(message)
    {
        Code = "";
    }

    public AgentOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "";
    }

    public AgentOperationException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>The protocol's error code (<c>busy</c>, <c>unknown-reader</c>, <c>no-session</c>, <c>failed</c>, …).</summary>
    public string Code { get; }
}
