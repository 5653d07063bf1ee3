namespace CounterApp.Web.Documents.Fonts;

/// <summary>No usable Japanese font: the documents cannot be printed, so the app refuses to start (and tests fail) with where it looked.</summary>
public sealed class FontNotFoundException : Exception
{
    public FontNotFoundException()
    {
    }

    public FontNotFoundException(string message)
        : base(message)
    {
    }

    public FontNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
