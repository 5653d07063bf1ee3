namespace CounterApp.Web.Data.Audit;

/// <summary>
/// The audit checkpoint key is malformed, or missing or different while the database holds checkpoints made with
/// another: the app must not start (a new key would make every stored checkpoint look forged).
/// </summary>
public sealed class AuditCheckpointKeyException : InvalidOperationException
{
    public AuditCheckpointKeyException()
    {
    }

    public AuditCheckpointKeyException(string message)
        : base(message)
    {
    }

    public AuditCheckpointKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
