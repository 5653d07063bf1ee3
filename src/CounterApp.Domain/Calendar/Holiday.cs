namespace CounterApp.Domain.Calendar;

/// <summary>A day off by law: a national holiday, a substitute holiday (振替休日) or a citizens' holiday (国民の休日).</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">Its Japanese name as the law gives it, e.g. "元日", "振替休日", "国民の休日".</param>
public sealed record Holiday(DateOnly Date, string Name);
