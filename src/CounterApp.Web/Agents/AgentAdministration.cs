using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Agents;

/// <summary>
/// The administrator's side of reader agents: issue a one-time enrolment code (a new agent, or a new key for an
/// existing one) and revoke an agent. Each is audited with the administrator as actor (R-X-01).
/// </summary>
public sealed class AgentAdministration(CounterDbContext db, AuditTrail audit, AgentRegistry registry, TimeProvider time, IOptions<AgentServerOptions> options)
{
    public const int MaxNameLength = 100;

    /// <summary>
    /// Issues an enrolment code for the agent named <paramref name="agentName"/>, creating it when new and binding it
    /// to <paramref name="counterId"/> when given. For an enrolled agent the code re-enrols it: the key it then
    /// presents replaces the old one. The code is shown once; only its hash is kept.
    /// </summary>
    /// <exception cref="ArgumentException">Empty or too long name, unknown counter, no administrator.</exception>
    /// <exception cref="InvalidOperationException">The agent of that name is revoked (revocation is final; use another name).</exception>
    public async Task<EnrolmentCode> IssueEnrolmentCodeAsync(string agentName, int? counterId, string administrator, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentName);
        ArgumentException.ThrowIfNullOrWhiteSpace(administrator);
        var name = agentName.Trim();
        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"An agent name has at most {MaxNameLength} characters.", nameof(agentName));
        }

        if (counterId is { } id && !await db.Counters.AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new ArgumentException($"There is no counter {id}.", nameof(counterId));
        }

        var code = EnrolmentCodes.NewCode();
        var now = time.GetUtcNow();
        var expires = now + options.Value.EnrolmentCodeLifetime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agent = await db.ReaderAgents.SingleOrDefaultAsync(a => a.Name == name, cancellationToken);
        var reEnrolment = agent?.PublicKey is not null;
        if (agent is null)
        {
            agent = new ReaderAgentRecord { Name = name, CounterId = counterId, CreatedAt = now.UtcDateTime };
            db.ReaderAgents.Add(agent);
        }
        else if (agent.RevokedAt is not null)
        {
            throw new InvalidOperationException($"The reader agent {name} has been revoked; enrol the PC under another name.");
        }
        else if (counterId is not null)
        {
            agent.CounterId = counterId;
        }

        agent.EnrolmentCodeHash = EnrolmentCodes.Hash(code);
        agent.EnrolmentExpiresAt = expires.UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = administrator,
                Counter = await AgentAuditing.CounterNumberAsync(db, agent.CounterId, cancellationToken),
                Action = AgentAuditing.CodeIssued,
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["agent"] = agent.Id.ToString(CultureInfo.InvariantCulture),
                    ["agentName"] = agent.Name,
                    ["expiresAt"] = expires.ToString("O", CultureInfo.InvariantCulture),
                    ["reEnrolment"] = reEnrolment ? "true" : "false",
                },
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EnrolmentCode(agent.Id, agent.Name, code, expires);
    }

    /// <summary>
    /// Revokes the agent: its key and any pending code stop working at once, and a live connection is closed.
    /// Returns false when there is no such agent or it was revoked already.
    /// </summary>
    public async Task<bool> RevokeAsync(long agentId, string administrator, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(administrator);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agent = await db.ReaderAgents.SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken);
        if (agent is null || agent.RevokedAt is not null)
        {
            return false;
        }

        agent.RevokedAt = time.GetUtcNow().UtcDateTime;
        agent.EnrolmentCodeHash = null;
        agent.EnrolmentExpiresAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = administrator,
                Counter = await AgentAuditing.CounterNumberAsync(db, agent.CounterId, cancellationToken),
                Action = AgentAuditing.Revoked,
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["agent"] = agent.Id.ToString(CultureInfo.InvariantCulture),
                    ["agentName"] = agent.Name,
                    ["reason"] = AgentAuditing.Clip(reason, 400),
                },
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        registry.Disconnect(agentId, "revoked");
        return true;
    }
}

/// <summary>A one-time enrolment code, to be shown to the administrator once and typed on the counter PC.</summary>
public sealed record EnrolmentCode(long AgentId, string AgentName, string Code, DateTimeOffset ExpiresAt)
{
    /// <summary>Leaves the code out, so it does not land in a log by accident.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"EnrolmentCode {{ AgentId = {AgentId}, AgentName = {AgentName}, ExpiresAt = {ExpiresAt:O} }}");
}
