namespace CounterApp.Web.Agents;

/// <summary>Section "Agents": the reader agents' endpoint and enrolment.</summary>
public sealed class AgentServerOptions
{
    public const string Section = "Agents";

    /// <summary>How long an enrolment code stays usable after the administrator issues it.</summary>
    public TimeSpan EnrolmentCodeLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a new connection has to send its enrolment or authentication.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the server waits for the agent's answer to one card operation; longer than the agent's own
    /// operation timeout (60 s by default), so the agent's "timeout" answer normally arrives first.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>WebSocket ping interval; an agent silent for <see cref="KeepAliveTimeout"/> more is disconnected.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal bool IsValid =>
        new[] { EnrolmentCodeLifetime, HandshakeTimeout, OperationTimeout, KeepAliveInterval, KeepAliveTimeout }.All(t => t > TimeSpan.Zero);
}
