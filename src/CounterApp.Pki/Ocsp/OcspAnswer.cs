namespace CounterApp.Pki.Ocsp;

/// <summary>
/// What the responder sends back: the DER OCSPResponse (content type application/ocsp-response), its status, and the
/// times an HTTP layer needs for caching headers (RFC 5019 §6: Last-Modified = thisUpdate, Expires = nextUpdate).
/// </summary>
/// <param name="FromCache">True when an answer signed earlier was reused (no signature computed for this request).</param>
public sealed record OcspAnswer(ReadOnlyMemory<byte> Body, OcspResponseStatus Status, DateTimeOffset? ThisUpdate, DateTimeOffset? NextUpdate, bool FromCache)
{
    /// <summary>A bare error response: status only, unsigned, as RFC 6960 prescribes for every status but successful.</summary>
    internal static OcspAnswer Error(OcspResponseStatus status) => new(OcspResponseWriter.Error(status), status, null, null, false);
}
