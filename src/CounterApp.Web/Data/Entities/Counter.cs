namespace CounterApp.Web.Data.Entities;

/// <summary>A counter (窓口) in an office, where a clerk sits with a card reader.</summary>
public sealed class Counter
{
    public int Id { get; set; }

    public int OfficeId { get; set; }

    public Office? Office { get; set; }

    /// <summary>The number on the counter's sign, e.g. 2 for 2番窓口.</summary>
    public int Number { get; set; }

    public required string Name { get; set; }

    /// <summary>False once an administrator retires the counter: kept for its history, no longer chosen by a clerk.</summary>
    public bool Active { get; set; } = true;
}
