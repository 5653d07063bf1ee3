namespace CounterApp.Web.Features.CancelApplication;

/// <summary>The withdrawal form: the reason and the clerk's confirmation.</summary>
public sealed class CancelForm
{
    public string? Reason { get; set; }

    public bool Confirmed { get; set; }
}
