using CounterApp.Domain.Applications;
using CounterApp.Domain.Offices;
using CounterApp.Domain.Residents;

namespace CounterApp.Domain.Eligibility;

/// <summary>The facts eligibility is judged on: who, with which card, for what, where and when (Tokyo wall-clock time).</summary>
/// <param name="LastAcceptance">R-EL-06: per procedure, the last moment (Tokyo wall-clock) it is accepted; absent = no end.</param>
public sealed record EligibilityRequest(
    Procedure Procedure,
    Resident Resident,
    ResidentCard? Card,
    Office Office,
    DateTime TokyoNow,
    IReadOnlyDictionary<Procedure, DateTime>? LastAcceptance = null)
{
    public DateOnly Today => DateOnly.FromDateTime(TokyoNow);
}
