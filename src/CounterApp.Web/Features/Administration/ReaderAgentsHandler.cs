using CounterApp.Web.Agents;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Administration;

/// <summary>
/// The administrator's reader-agent actions, over <see cref="AgentAdministration"/> (which audits them): an enrolment
/// code for a named counter PC (shown once, in <see cref="AdminResult.Shown"/>) and revocation with a reason.
/// Bad input is refused with a message naming the field instead of an exception.
/// </summary>
public sealed class ReaderAgentsHandler(CounterDbContext db, AgentAdministration agents)
{
    public const int ReasonMaxLength = 400;

    public async Task<AdminResult> IssueCodeAsync(string? agentName, int? counterId, string actor, CancellationToken cancellationToken = default)
    {
        var name = agentName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > AgentAdministration.MaxNameLength || name.Any(char.IsControl))
        {
            return AdminResult.Refused("R-X-01", "agentName", "AgentNameInvalid", AgentAdministration.MaxNameLength);
        }

        if (counterId is { } id && !await db.Counters.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return AdminResult.Refused("R-X-01", "counter", "AgentCounterUnknown");
        }

        if (await db.ReaderAgents.AnyAsync(a => a.Name == name && a.RevokedAt != null, cancellationToken))
        {
            return AdminResult.Refused("R-X-01", "agentName", "AgentNameRevoked", name);
        }

        var code = await agents.IssueEnrolmentCodeAsync(name, counterId, actor, cancellationToken);
        return AdminResult.Done(code.Code);
    }

    public async Task<AdminResult> RevokeAsync(long agentId, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > ReasonMaxLength)
        {
            return AdminResult.Refused("R-X-01", "reason", "AgentRevokeReasonRequired", ReasonMaxLength);
        }

        return await agents.RevokeAsync(agentId, actor, why, cancellationToken)
            ? AdminResult.Done()
            : AdminResult.Refused("R-X-01", "agent", "AgentNotRevocable");
    }
}
