namespace CounterApp.Pki.Ocsp;

/// <summary>
/// RFC 6960 Appendix A.1 GET: the request is the URL-encoded base64 of the DER, as the path after /ocsp/.
/// The web app passes the raw (still percent-encoded) path segment here, then the bytes to the responder.
/// </summary>
public static class OcspGetRequest
{
    /// <summary>False for text that is too long or not base64 (the caller answers malformedRequest).</summary>
    public static bool TryDecode(string? encodedPath, OcspOptions options, out byte[]? request)
    {
        ArgumentNullException.ThrowIfNull(options);
        request = null;
        if (string.IsNullOrEmpty(encodedPath) || encodedPath.Length > options.MaxGetPathLength)
        {
            return false;
        }

        // Some clients send base64url or leave '/' and '+' unescaped; all decode to the same bytes.
        var base64 = Uri.UnescapeDataString(encodedPath).Replace('-', '+').Replace('_', '/');
        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written) || written == 0)
        {
            return false;
        }

        request = buffer[..written];
        return true;
    }
}
