using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>How a letter action ended.</summary>
public enum LetterOutcome
{
    Done,

    /// <summary>Bad input or a letter/application in the wrong state: nothing saved; the broken rule names the field.</summary>
    Invalid,

    NotFound,

    /// <summary>Another clerk changed the application first: reload and try again.</summary>
    Conflict,
}

/// <summary>The outcome, the broken rule (if any), the clerk's message and the letters concerned.</summary>
public sealed record LetterResult(LetterOutcome Outcome, BrokenRule? Problem, string? Message)
{
    public bool Succeeded => Outcome == LetterOutcome.Done;

    /// <summary>The reference numbers of the letters created or changed.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public static LetterResult Done(string message, params IReadOnlyList<string> references) => new(LetterOutcome.Done, null, message) { References = references };

    public static LetterResult Invalid(string ruleId, string field, string message) => new(LetterOutcome.Invalid, new BrokenRule(ruleId, field, message), message);

    public static LetterResult NotFound() => new(LetterOutcome.NotFound, null, LetterText.Get("LetterNotFound"));

    public static LetterResult Conflict(string? message) => new(LetterOutcome.Conflict, null, message ?? LetterText.Get("Conflict"));
}
