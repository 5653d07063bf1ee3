namespace CounterApp.Domain.Calendar;

/// <summary>
/// One stretch of counter hours on an open day, half-open: the start is inside, the end is not
/// (08:30–12:00 accepts 11:59:59 and refuses 12:00:00), so back-to-back sessions never overlap or leave a gap.
/// </summary>
public sealed record CounterSession
{
    public CounterSession(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"A session must end after it starts ({start:HH:mm}–{end:HH:mm}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    /// <summary>True from <see cref="Start"/> inclusive to <see cref="End"/> exclusive.</summary>
    public bool Contains(TimeOnly time) => time >= Start && time < End;
}
