using System.Diagnostics.CodeAnalysis;

namespace CounterApp.Pki.Ocsp;

/// <summary>
/// One /ocsp URL for several prefectural CAs: the request is decoded once and answered by the responder whose CA
/// issued the first CertID (a request mixing CAs is unauthorized, as is one for a CA not served here).
/// </summary>
public sealed class OcspEndpoint
{
    private readonly IReadOnlyList<OcspResponder> _responders;
    private readonly OcspOptions _options;

    public OcspEndpoint(IEnumerable<OcspResponder> responders, OcspOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(responders);
        _responders = [.. responders];
        _options = options ?? OcspOptions.Default;
        _options.Validate();
    }

    public byte[] Respond(ReadOnlySpan<byte> request) => Answer(request).Body.ToArray();

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "An OCSP responder answers internalError, never a 500 (issue 4).")]
    public OcspAnswer Answer(ReadOnlySpan<byte> request)
    {
        try
        {
            if (!OcspRequestDecoder.TryDecode(request, _options, out var decoded, out var error))
            {
                return OcspAnswer.Error(error);
            }

            var responder = _responders.FirstOrDefault(r => r.IsIssuerOf(decoded!.CertIds[0]));
            return responder is null ? OcspAnswer.Error(OcspResponseStatus.Unauthorized) : responder.Answer(decoded!);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return OcspAnswer.Error(OcspResponseStatus.InternalError);
        }
    }
}
