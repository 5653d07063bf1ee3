using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.CardServices;

/// <summary>How a card service ended.</summary>
public enum CardServiceOutcome
{
    /// <summary>Done on the card (or, for the choice, the resident may go on to the service).</summary>
    Done,

    /// <summary>Bad input: nothing done; the broken rule names the field (R-X-03).</summary>
    Invalid,

    /// <summary>Rules were broken (a proxy R-PX-03, an expired document, a certificate not locked): nothing done.</summary>
    Refused,

    /// <summary>The card step did not finish (reader, card removed, wrong current password): try again.</summary>
    Retry,

    NotFound,
}

/// <summary>The outcome of a card service, every broken rule and the clerk's message. Never a PIN or password (R-X-02).</summary>
public sealed record CardServiceResult(CardServiceOutcome Outcome, IReadOnlyList<BrokenRule> BrokenRules, string? Message)
{
    public bool Succeeded => Outcome == CardServiceOutcome.Done;

    /// <summary>After a wrong current password: how many tries the card allows before it locks (R-CA-01).</summary>
    public int? TriesLeft { get; init; }

    public static CardServiceResult Done(string? message = null) => new(CardServiceOutcome.Done, [], message);

    public static CardServiceResult Invalid(string ruleId, string field, string message) =>
        new(CardServiceOutcome.Invalid, [new BrokenRule(ruleId, field, message)], message);

    public static CardServiceResult Invalid(IReadOnlyList<BrokenRule> broken) =>
        new(CardServiceOutcome.Invalid, broken, broken.Count > 0 ? broken[0].Message : null);

    public static CardServiceResult Refused(Decision decision) =>
        new(CardServiceOutcome.Refused, decision?.BrokenRules ?? [], CardServiceText.Get("Refused"));

    public static CardServiceResult Retry(string? message, int? triesLeft = null) =>
        new(CardServiceOutcome.Retry, [], message) { TriesLeft = triesLeft };

    public static CardServiceResult NotFound() => new(CardServiceOutcome.NotFound, [], CardServiceText.Get("ResidentNotFound"));
}
