using CounterApp.Domain.Applications;
using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.Issuance;

/// <summary>How a step of the issuance procedure ended.</summary>
public enum IssuanceOutcome
{
    /// <summary>The step is done; the application moved on.</summary>
    Done,

    /// <summary>Bad input or the wrong step: nothing saved; the broken rule names the field.</summary>
    Invalid,

    /// <summary>Rules were broken: nothing saved, the application stays at this step (e.g. another document may do).</summary>
    Rejected,

    /// <summary>Eligibility or hours refused: the application is closed as refused (RefusedFor).</summary>
    Refused,

    /// <summary>R-VI-02: no same-day issue; the inquiry letter procedure (issue 8) is needed.</summary>
    TwoVisits,

    /// <summary>The card step did not finish (wrong PIN, card removed, agent offline): try again at the same step.</summary>
    Retry,

    /// <summary>The application failed (CA error, certificate not written): its obligations are listed.</summary>
    Failed,

    /// <summary>Another clerk changed the application first, or the ledger day is closed: reload and try again.</summary>
    Conflict,

    NotFound,
}

/// <summary>The outcome of a step, every broken rule (rule ID, field, message) and the clerk's message. Never a PIN or password.</summary>
public sealed record IssuanceResult(IssuanceOutcome Outcome, IReadOnlyList<BrokenRule> BrokenRules, string? Message)
{
    public bool Succeeded => Outcome == IssuanceOutcome.Done;

    public Guid? ApplicationId { get; init; }

    /// <summary>After a wrong card PIN: how many tries the card allows before it blocks.</summary>
    public int? TriesLeft { get; init; }

    public string? ReceiptNumber { get; init; }

    public string? CertificateSerial { get; init; }

    /// <summary>R-CE-08: the start opened the resident's open application of this procedure instead of creating another.</summary>
    public bool OpenedExisting { get; init; }

    public static IssuanceResult Done(string? message = null) => new(IssuanceOutcome.Done, [], message);

    /// <summary>Bad input: names the field and the rule (R-X-03).</summary>
    public static IssuanceResult Invalid(string ruleId, string field, string message) =>
        new(IssuanceOutcome.Invalid, [new BrokenRule(ruleId, field, message)], message);

    /// <summary>The step is not the application's: the message names its state in words (the code is for the log, not the clerk).</summary>
    public static IssuanceResult WrongStep(string state) =>
        Invalid("R-X-03", "application.state", IssuanceText.Get("WrongStep", Enum.TryParse<ApplicationState>(state, out var known) ? IssuanceText.State(known) : state));

    public static IssuanceResult NotFound() => new(IssuanceOutcome.NotFound, [], IssuanceText.Get("ApplicationNotFound"));

    public static IssuanceResult Conflict(string? message) => new(IssuanceOutcome.Conflict, [], message ?? IssuanceText.Get("Conflict"));

    public static IssuanceResult Broken(IssuanceOutcome outcome, Decision decision, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(outcome, decision.BrokenRules, message);
    }
}
