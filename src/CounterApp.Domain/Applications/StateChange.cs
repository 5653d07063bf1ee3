namespace CounterApp.Domain.Applications;

/// <summary>One step of the application's history: from, to, when, by whom, and a note (never a PIN or password).</summary>
public sealed record StateChange(ApplicationState From, ApplicationState To, DateTimeOffset At, string By, string? Note = null)
{
    /// <summary>The longest note kept (the history table's column).</summary>
    public const int NoteMaxLength = 400;
}
