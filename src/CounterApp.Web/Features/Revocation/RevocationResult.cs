using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.Revocation;

/// <summary>How a revocation at the counter ended.</summary>
public enum RevocationOutcome
{
    /// <summary>Revoked: the CA says so (OCSP at once, the next CRL), the counter's record too, the application is completed.</summary>
    Revoked,

    /// <summary>Bad input (names the field and the rule): nothing saved.</summary>
    Invalid,

    /// <summary>R-RV-01 / R-ID rules broken (documents missing or not acceptable): nothing saved, the refusal is audited.</summary>
    Rejected,

    /// <summary>Another clerk revoked the certificate or changed the application first: the application is cancelled.</summary>
    Conflict,
}

/// <summary>The outcome, every broken rule (rule ID, field, message) and the clerk's message.</summary>
public sealed record RevocationResult(RevocationOutcome Outcome, IReadOnlyList<BrokenRule> BrokenRules, string? Message)
{
    public bool Succeeded => Outcome == RevocationOutcome.Revoked;

    /// <summary>The revocation application (its form prints at /revocations/{id}/form.pdf).</summary>
    public Guid? ApplicationId { get; init; }

    public string? Serial { get; init; }

    public static RevocationResult Invalid(string ruleId, string field, string message) =>
        new(RevocationOutcome.Invalid, [new BrokenRule(ruleId, field, message)], message);

    public static RevocationResult Rejected(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(RevocationOutcome.Rejected, decision.BrokenRules, RevocationText.Get("Rejected"));
    }
}
