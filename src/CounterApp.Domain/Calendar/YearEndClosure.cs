namespace CounterApp.Domain.Calendar;

/// <summary>The year-end and new-year closure of public offices (R-HR-02): 29 December to 3 January inclusive.</summary>
public static class YearEndClosure
{
    public static bool Contains(DateOnly date) =>
        (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3);
}
