using System.Text.RegularExpressions;
using CounterApp.Domain.Applications;
using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Features.Issuance;

/// <summary>A cut card session resolved back to the card step (R-CE-09): when, from which state, which certificate was revoked.</summary>
public sealed partial record IssuanceInterruption(DateTime AtUtc, ApplicationState From, string? RevokedSerial, string By)
{
    /// <summary>The latest return to the card step in <paramref name="history"/>, or null.</summary>
    public static IssuanceInterruption? Latest(IEnumerable<ApplicationStateChange> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var step = history
            .Where(h => h.ToState == ApplicationState.FeePaid && CardSessionStates.BeforePassword.Contains(h.FromState))
            .MaxBy(h => h.Sequence);
        if (step is null)
        {
            return null;
        }

        var revoked = step.Note is { } note ? RevokedPattern().Match(note) : null;
        return new IssuanceInterruption(step.At, step.FromState, revoked is { Success: true } ? revoked.Groups[1].Value : null, step.By);
    }

    // The note Application.ReturnToCardStep writes: "...; certificate {serial} revoked (cessationOfOperation)".
    [GeneratedRegex("certificate ([0-9A-F]+) revoked")]
    private static partial Regex RevokedPattern();
}
