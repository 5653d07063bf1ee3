namespace CounterApp.Domain.Applications;

/// <summary>An illegal state change was attempted: an error, never a silent no-op.</summary>
public class InvalidTransitionException : InvalidOperationException
{
    public InvalidTransitionException()
    {
    }

    public InvalidTransitionException(string message)
        : base(message)
    {
    }

    public InvalidTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidTransitionException(Procedure procedure, ApplicationState from, string action)
        : base($"{action} is not allowed for a {procedure} application in state {from}.")
    {
        Procedure = procedure;
        From = from;
        Action = action;
    }

    public Procedure? Procedure { get; }

    public ApplicationState? From { get; }

    public string? Action { get; }
}
