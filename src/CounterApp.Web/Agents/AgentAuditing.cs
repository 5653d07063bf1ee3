using System.Globalization;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Agents;

/// <summary>The audit actions of reader agents (R-X-01). Details never carry an enrolment code or a key, only its fingerprint.</summary>
public static class AgentAuditing
{
    public const string CodeIssued = "agent.enrolment-code-issued";
    public const string Enrolled = "agent.enrolled";
    public const string EnrolmentRefused = "agent.enrolment-refused";
    public const string Connected = "agent.connected";
    public const string ConnectionRefused = "agent.connection-refused";
    public const string Revoked = "agent.revoked";

    /// <summary>The actor of an event the agent itself caused.</summary>
    public static string Actor(long? agentId) =>
        agentId is { } id ? string.Create(CultureInfo.InvariantCulture, $"agent:{id}") : "agent:unidentified";

    /// <summary>The counter's number as the audit trail shows it (like the receipt book), or null.</summary>
    internal static async Task<string?> CounterNumberAsync(CounterDbContext db, int? counterId, CancellationToken cancellationToken) =>
        counterId is { } id
            ? (await db.Counters.Where(c => c.Id == id).Select(c => (int?)c.Number).SingleOrDefaultAsync(cancellationToken))?.ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>First 16 hex digits of the SHA-256 of the agent's SubjectPublicKeyInfo.</summary>
    internal static string KeyFingerprint(byte[] publicKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(publicKey))[..16];

    internal static string? Clip(string? value, int max) =>
        value is { Length: var length } && length > max ? value[..max] : value;
}
