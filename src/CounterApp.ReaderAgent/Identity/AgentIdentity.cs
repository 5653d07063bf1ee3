using System.Security.Cryptography;

namespace CounterApp.ReaderAgent.Identity;

/// <summary>Who this agent is to the server: the id the server gave at enrolment and the agent's own P-256 key.</summary>
public sealed class AgentIdentity : IDisposable
{
    public AgentIdentity(long agentId, string name, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(key);
        AgentId = agentId;
        Name = name;
        Key = key;
    }

    public long AgentId { get; }

    /// <summary>The name the administrator gave the agent when issuing its enrolment code.</summary>
    public string Name { get; }

    internal ECDsa Key { get; }

    /// <summary>A new P-256 key pair, made on this PC; the private half never leaves it.</summary>
    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => Key.Dispose();
}
