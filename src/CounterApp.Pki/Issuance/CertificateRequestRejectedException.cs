namespace CounterApp.Pki.Issuance;

/// <summary>The subscriber's key or request cannot be certified. <see cref="Reason"/> says why in a form code can act on.</summary>
public sealed class CertificateRequestRejectedException : Exception
{
    public CertificateRequestRejectedException()
    {
    }

    public CertificateRequestRejectedException(string message)
        : base(message)
    {
    }

    public CertificateRequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CertificateRequestRejectedException(RequestRejection reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    public RequestRejection Reason { get; }
}
