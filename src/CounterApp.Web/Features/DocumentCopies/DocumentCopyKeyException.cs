namespace CounterApp.Web.Features.DocumentCopies;

/// <summary>The document-copy key is missing, malformed or not the one the stored copies were sealed with: the app must not start.</summary>
public sealed class DocumentCopyKeyException : Exception
{
    public DocumentCopyKeyException()
    {
    }

    public DocumentCopyKeyException(string message)
        : base(message)
    {
    }

    public DocumentCopyKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
