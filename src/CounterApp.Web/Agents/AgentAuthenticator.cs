using System.Security.Cryptography;
using CounterApp.Card.AgentProtocol;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Agents;

/// <summary>
/// Admits or refuses a connecting agent: enrolment with a one-time code (unexpired, unused, agent not revoked) and
/// proof of the new key, or authentication by a signature over the server's challenge with the enrolled key.
/// Every outcome is audited (R-X-01); the code and the key never go into the audit, only the key's fingerprint.
/// </summary>
internal sealed class AgentAuthenticator(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public async Task<HandshakeOutcome> EnrolAsync(AgentMessage request, byte[] challenge, string? remote, CancellationToken cancellationToken)
    {
        var context = new Attempt(AgentAuditing.EnrolmentRefused, null, null, null, request.Host, remote);
        if (request.EnrolmentCode is not { Length: > 0 and <= 64 } code || request.PublicKey is not { Length: > 0 and <= 1024 } publicKey || request.Signature is not { Length: > 0 } signature)
        {
            return await RefuseAsync(context, RefusalCodes.Protocol, "enrol needs an enrolment code, a public key and a signature.", cancellationToken);
        }

        var hash = EnrolmentCodes.Hash(code);
        var agent = await db.ReaderAgents.AsNoTracking()
            .Where(a => a.EnrolmentCodeHash == hash)
            .Select(a => new { a.Id, a.Name, a.CounterId, a.EnrolmentExpiresAt, a.RevokedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (agent is null)
        {
            return await RefuseAsync(context, RefusalCodes.InvalidCode, "The enrolment code is unknown or has been used.", cancellationToken);
        }

        context = context with { AgentId = agent.Id, Name = agent.Name, CounterId = agent.CounterId };
        var now = time.GetUtcNow().UtcDateTime;
        if (agent.RevokedAt is not null)
        {
            return await RefuseAsync(context, RefusalCodes.Revoked, "The agent has been revoked.", cancellationToken);
        }

        if (agent.EnrolmentExpiresAt is not { } expires || expires <= now)
        {
            return await RefuseAsync(context, RefusalCodes.ExpiredCode, "The enrolment code has expired; ask the administrator for a new one.", cancellationToken);
        }

        if (Verify(publicKey, signature, AgentProof.EnrolPayload(challenge, publicKey)) is { } problem)
        {
            return await RefuseAsync(context, problem.Code, problem.Message, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The code is spent in the same statement that checks it, so two agents racing with one code cannot both enrol.
        var spent = await db.ReaderAgents
            .Where(a => a.Id == agent.Id && a.EnrolmentCodeHash == hash && a.RevokedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.PublicKey, publicKey)
                    .SetProperty(a => a.EnrolmentCodeHash, (string?)null)
                    .SetProperty(a => a.EnrolmentExpiresAt, (DateTime?)null)
                    .SetProperty(a => a.LastSeenAt, now),
                cancellationToken);
        if (spent != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync(context, RefusalCodes.InvalidCode, "The enrolment code is unknown or has been used.", cancellationToken);
        }

        await AuditAsync(context with { Action = AgentAuditing.Enrolled }, AuditOutcomes.Succeeded, null, AgentAuditing.KeyFingerprint(publicKey), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return HandshakeOutcome.Admit(new AgentAdmission(agent.Id, agent.Name, agent.CounterId));
    }

    public async Task<HandshakeOutcome> AuthenticateAsync(AgentMessage request, byte[] challenge, string? remote, CancellationToken cancellationToken)
    {
        var context = new Attempt(AgentAuditing.ConnectionRefused, request.AgentId, null, null, request.Host, remote);
        if (request.AgentId is not { } agentId || request.Signature is not { Length: > 0 } signature)
        {
            return await RefuseAsync(context, RefusalCodes.Protocol, "authenticate needs an agent id and a signature.", cancellationToken);
        }

        var agent = await db.ReaderAgents.AsNoTracking()
            .Where(a => a.Id == agentId)
            .Select(a => new { a.Id, a.Name, a.CounterId, a.PublicKey, a.RevokedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (agent is null)
        {
            return await RefuseAsync(context, RefusalCodes.UnknownAgent, "No such agent.", cancellationToken);
        }

        context = context with { Name = agent.Name, CounterId = agent.CounterId };
        if (agent.RevokedAt is not null)
        {
            return await RefuseAsync(context, RefusalCodes.Revoked, "The agent has been revoked.", cancellationToken);
        }

        if (agent.PublicKey is not { } publicKey)
        {
            return await RefuseAsync(context, RefusalCodes.NotEnrolled, "The agent has not enrolled yet.", cancellationToken);
        }

        if (Verify(publicKey, signature, AgentProof.AuthenticatePayload(challenge, agentId)) is { } problem)
        {
            // A key that no longer parses is the server's problem, but to the agent it is still a wrong signature.
            return await RefuseAsync(context, RefusalCodes.BadSignature, problem.Message, cancellationToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ReaderAgents.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSeenAt, now), cancellationToken);
        await AuditAsync(context with { Action = AgentAuditing.Connected }, AuditOutcomes.Succeeded, null, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return HandshakeOutcome.Admit(new AgentAdmission(agent.Id, agent.Name, agent.CounterId));
    }

    /// <summary>A connection that broke the protocol before identifying itself (wrong first message, bad JSON, silence).</summary>
    public Task<HandshakeOutcome> RefuseProtocolAsync(string message, string? remote, CancellationToken cancellationToken) =>
        RefuseAsync(new Attempt(AgentAuditing.ConnectionRefused, null, null, null, null, remote), RefusalCodes.Protocol, message, cancellationToken);

    private async Task<HandshakeOutcome> RefuseAsync(Attempt attempt, string code, string message, CancellationToken cancellationToken)
    {
        await AuditAsync(attempt, AuditOutcomes.Refused, code, null, cancellationToken);
        return HandshakeOutcome.Refuse(code, message);
    }

    private async Task AuditAsync(Attempt attempt, string outcome, string? reason, string? keyFingerprint, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["agentName"] = attempt.Name,
            ["host"] = AgentAuditing.Clip(attempt.Host, 100),
            ["remoteAddress"] = attempt.Remote,
        };
        if (reason is not null)
        {
            details["reason"] = reason;
        }

        if (keyFingerprint is not null)
        {
            details["keyFingerprint"] = keyFingerprint;
        }

        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = AgentAuditing.Actor(attempt.AgentId),
                Counter = await AgentAuditing.CounterNumberAsync(db, attempt.CounterId, cancellationToken),
                Action = attempt.Action,
                Outcome = outcome,
                Details = details,
            },
            cancellationToken);
    }

    /// <summary>Null when <paramref name="signature"/> is a valid P-256 signature of <paramref name="payload"/>; otherwise why not.</summary>
    private static (string Code, string Message)? Verify(byte[] publicKey, byte[] signature, byte[] payload)
    {
        using var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKey, out var read);
            if (read != publicKey.Length || key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
            {
                return (RefusalCodes.BadKey, "The public key must be an ECDSA P-256 SubjectPublicKeyInfo.");
            }
        }
        catch (CryptographicException)
        {
            return (RefusalCodes.BadKey, "The public key must be an ECDSA P-256 SubjectPublicKeyInfo.");
        }

        return key.VerifyData(payload, signature, HashAlgorithmName.SHA256)
            ? null
            : (RefusalCodes.BadSignature, "The signature over the challenge does not verify.");
    }

    private sealed record Attempt(string Action, long? AgentId, string? Name, int? CounterId, string? Host, string? Remote);
}

/// <summary>The handshake's decision: an admission, or a refusal code and message for the agent.</summary>
internal sealed record HandshakeOutcome(AgentAdmission? Admission, string? RefusalCode, string? RefusalMessage)
{
    public static HandshakeOutcome Admit(AgentAdmission admission) => new(admission, null, null);

    public static HandshakeOutcome Refuse(string code, string message) => new(null, code, message);
}
