namespace CounterApp.Web.Data.Entities;

/// <summary>R-HR-01: one accepting session of an office's weekday (half-open: start ≤ t &lt; end).</summary>
public sealed class OfficeSession
{
    public int Id { get; set; }

    public int OfficeId { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }
}
