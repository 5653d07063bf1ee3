using System.Globalization;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Eligibility;

/// <summary>R-EL-06: a procedure with a configured last acceptance moment is refused after it, naming that date.</summary>
public sealed class LastAcceptanceRule(EligibilityRequest request) : BusinessRule("R-EL-06", "procedure")
{
    private DateTime? Deadline =>
        request.LastAcceptance is { } map && map.TryGetValue(request.Procedure, out var at) ? at : null;

    // The deadline is the last accepted moment itself (e.g. 17:00): 17:00:00 is accepted, one second later is not.
    public override bool IsBroken() => Deadline is { } deadline && request.TokyoNow > deadline;

    public override string Message => Deadline is { } deadline
        ? EligibilityMessages.Catalog.Format(
            "AcceptanceEnded",
            DateOnly.FromDateTime(deadline),
            deadline.ToString("H:mm", CultureInfo.InvariantCulture))
        : string.Empty;
}
