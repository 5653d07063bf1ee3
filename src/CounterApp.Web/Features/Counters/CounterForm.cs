namespace CounterApp.Web.Features.Counters;

/// <summary>The counter choice form.</summary>
public sealed class CounterForm
{
    public int? CounterId { get; set; }
}
