namespace CounterApp.ReaderAgent.Connection;

/// <summary>
/// The server refused this agent: <see cref="Code"/> is the refusal code of the protocol (<c>revoked</c>,
/// <c>unknown-agent</c>, <c>invalid-code</c>, <c>expired-code</c>, …), or <c>not-enrolled</c> when the agent has
/// neither a credential nor an enrolment code.
/// </summary>
public sealed class AgentRefusedException : Exception
{
    public AgentRefusedException()
    {
        Code = "";
    }

    public AgentRefusedException(string message)
        : base(message)
    {
        Code = "";
    }

    public AgentRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "";
    }

    public AgentRefusedException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
