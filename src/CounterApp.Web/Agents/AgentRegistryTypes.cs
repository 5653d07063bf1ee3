namespace CounterApp.Web.Agents;

/// <summary>A connected, authenticated reader agent and its readers as last reported.</summary>
public sealed record ConnectedAgent(long AgentId, string Name, int? CounterId, DateTimeOffset ConnectedAt, IReadOnlyList<AgentReader> Readers);

/// <summary>A reader at a counter PC; <see cref="Atr"/> is the card's answer-to-reset in hex when a card is in it and the agent reported it.</summary>
public sealed record AgentReader(string Name, bool CardPresent, string? Atr);

public enum AgentEventKind
{
    Connected,
    Disconnected,

    /// <summary>The agent reported its readers (at connection, or a reader was plugged or unplugged).</summary>
    ReadersChanged,
    CardInserted,
    CardRemoved,
}

/// <summary>Something changed at a counter PC; <see cref="Agent"/> is the agent's state after the change.</summary>
public sealed class AgentEventArgs(AgentEventKind kind, ConnectedAgent agent, string? reader) : EventArgs
{
    public AgentEventKind Kind { get; } = kind;

    public ConnectedAgent Agent { get; } = agent;

    /// <summary>The reader a card came into or left; null for other kinds.</summary>
    public string? Reader { get; } = reader;
}
