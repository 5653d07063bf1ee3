using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.CaFingerprint;

/// <summary>
/// Compares a fingerprint a resident reads out at the counter with the CA's published ones (R-CE-07) and audits the
/// comparison (R-X-01): who, which counter, the outcome, the algorithm and the typed value (a fingerprint is public).
/// </summary>
public sealed class CompareFingerprintHandler(CounterDbContext db, AuditTrail audit)
{
    public const string AuditAction = "ca.fingerprint-compared";

    /// <summary>The typed text kept in the audit entry is cut to this length.</summary>
    public const int AuditedTypedLength = 200;

    public async Task<FingerprintCheck> CompareAsync(
        PublishedFingerprints published, string? typed, string actor, int? counterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var check = TypedFingerprintRule.Compare(published, typed);
        var raw = typed?.Trim() ?? string.Empty;
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = actor,
                Counter = await CounterAsync(counterId, cancellationToken),
                Action = AuditAction,
                Outcome = AuditOutcome(check.Outcome),
                Details = new Dictionary<string, string?>
                {
                    ["typed"] = raw.Length > AuditedTypedLength ? raw[..AuditedTypedLength] : raw,
                    ["normalized"] = check.Normalized,
                    ["algorithm"] = check.Algorithm is { } a ? published.For(a).AlgorithmLabel : null,
                    ["result"] = check.Outcome.ToString(),
                    ["rule"] = check.IsRefused ? TypedFingerprintRule.RuleId : null,
                },
            },
            cancellationToken);
        return check;
    }

    /// <summary>"matched", "mismatched", or "refused" for input that is not a SHA-256 or SHA-1 fingerprint.</summary>
    public static string AuditOutcome(FingerprintCheckOutcome outcome) => outcome switch
    {
        FingerprintCheckOutcome.Match => "matched",
        FingerprintCheckOutcome.Mismatch => "mismatched",
        _ => Data.Audit.AuditOutcomes.Refused,
    };

    private async Task<string?> CounterAsync(int? counterId, CancellationToken cancellationToken)
    {
        if (counterId is not { } id)
        {
            return null;
        }

        var number = await db.Counters.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.Number).SingleOrDefaultAsync(cancellationToken);
        return number?.ToString(CultureInfo.InvariantCulture);
    }
}
