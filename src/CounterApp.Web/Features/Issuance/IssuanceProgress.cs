using System.Collections.Concurrent;
using CounterApp.Web.Features.CardSession;

namespace CounterApp.Web.Features.Issuance;

/// <summary>Where a card session is, as GET /applications/{id}/progress reports it to the clerk's page.</summary>
public sealed record IssuanceProgressState(CardSessionStep Step, bool Running, DateTimeOffset At);

/// <summary>
/// The live step of each running card session, by application id (a singleton, in memory: a restart forgets it, and
/// the page then shows the saved step). Never holds anything secret: only the step.
/// </summary>
public sealed class IssuanceProgress(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, IssuanceProgressState> _states = new();

    public IssuanceProgressState? Current(Guid applicationId) => _states.TryGetValue(applicationId, out var state) ? state : null;

    public void Report(Guid applicationId, CardSessionStep step) => _states[applicationId] = new(step, true, time.GetUtcNow());

    /// <summary>The session ended (either way); the last step stays readable until the next session starts.</summary>
    public void Finish(Guid applicationId)
    {
        if (_states.TryGetValue(applicationId, out var state))
        {
            _states[applicationId] = state with { Running = false, At = time.GetUtcNow() };
        }
    }

    /// <summary>A synchronous reporter for one application (Progress&lt;T&gt; would post to a context and arrive late).</summary>
    public IProgress<CardSessionStep> For(Guid applicationId) => new Reporter(this, applicationId);

    private sealed class Reporter(IssuanceProgress owner, Guid applicationId) : IProgress<CardSessionStep>
    {
        public void Report(CardSessionStep value) => owner.Report(applicationId, value);
    }
}
