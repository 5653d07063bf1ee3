using CounterApp.Domain.Applications;

namespace CounterApp.Web.Features.RulesDemo;

/// <summary>
/// Counter values that come from configuration (section "Counter") rather than the reference tables:
/// R-EL-06's last acceptance moment per procedure, set by an operator when a procedure is wound down.
/// </summary>
public sealed class CounterSettings
{
    public const string Section = "Counter";

    /// <summary>R-EL-06: per procedure, the last accepted moment (Tokyo wall-clock).</summary>
    public Dictionary<Procedure, DateTime> LastAcceptance { get; init; } = [];
}
