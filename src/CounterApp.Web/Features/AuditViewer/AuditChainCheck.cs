using System.Globalization;
using CounterApp.Web.Data.Audit;

namespace CounterApp.Web.Features.AuditViewer;

/// <summary>
/// "Verify the chain" from the supervisor's page: the same <see cref="AuditVerifier"/> as the operator's
/// <c>verify-audit</c> command (the chain and its keyed checkpoints), and the check itself audited with its result
/// (R-X-01).
/// </summary>
public sealed class AuditChainCheck(AuditVerifier verifier, AuditTrail audit)
{
    public const string AuditAction = "audit.verified";

    /// <summary>The outcome recorded when the chain is broken.</summary>
    public const string BrokenOutcome = "chain-broken";

    public async Task<AuditVerification> RunAsync(string actor, string? counter, CancellationToken cancellationToken = default)
    {
        var result = await verifier.VerifyAsync(cancellationToken);
        var details = new Dictionary<string, string?>
        {
            ["entries"] = result.Count.ToString(CultureInfo.InvariantCulture),
            ["headId"] = result.HeadId.ToString(CultureInfo.InvariantCulture),
            ["headHash"] = result.HeadHash,
        };
        if (result.LastCheckpoint is { } last)
        {
            details["lastCheckpoint"] = last.Id.ToString(CultureInfo.InvariantCulture);
        }

        if (!result.Intact)
        {
            if (result.BrokenEntryId is { } broken)
            {
                details["brokenEntry"] = broken.ToString(CultureInfo.InvariantCulture);
            }

            details["findings"] = string.Join(",", result.Findings.Select(f => f.Kind));
            details["problem"] = result.Summary.Length > 2000 ? result.Summary[..2000] : result.Summary;
        }

        await audit.AppendAsync(
            new AuditEvent { Actor = actor, Counter = counter, Action = AuditAction, Outcome = result.Intact ? AuditOutcomes.Succeeded : BrokenOutcome, Details = details },
            cancellationToken);
        return result;
    }
}
