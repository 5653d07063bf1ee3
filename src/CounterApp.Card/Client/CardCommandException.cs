using CounterApp.Card.Apdu;

namespace CounterApp.Card.Client;

/// <summary>The card refused a command of the profile; carries the step and the status word, never data.</summary>
public sealed class CardCommandException : InvalidOperationException
{
    public CardCommandException()
    {
    }

    public CardCommandException(string message)
        : base(message)
    {
    }

    public CardCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardCommandException(string step, StatusWord statusWord)
        : base($"{step}: the card answered {statusWord} ({StatusWordText.Describe(statusWord)}).")
    {
        Step = step;
        StatusWord = statusWord;
    }

    public string Step { get; } = "";

    public StatusWord StatusWord { get; }
}
