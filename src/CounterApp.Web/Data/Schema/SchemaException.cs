namespace CounterApp.Web.Data.Schema;

/// <summary>The schema cannot be brought up to date; the message is the one-line reason an operator sees.</summary>
public sealed class SchemaException : Exception
{
    public SchemaException()
    {
    }

    public SchemaException(string message)
        : base(message)
    {
    }

    public SchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
