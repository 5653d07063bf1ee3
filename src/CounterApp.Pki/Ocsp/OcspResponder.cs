using System.Diagnostics.CodeAnalysis;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Ocsp;

/// <summary>
/// The OCSP responder of one CA (RFC 6960), free of ASP.NET so the web app maps GET and POST /ocsp onto
/// <see cref="Respond"/> or <see cref="Answer(ReadOnlySpan{byte})"/>. Statuses come from the store at every request
/// (R-RV-03: a revocation shows at once); answers to single, nonce-less requests are cached until the status changes
/// or half their lifetime passes; a request with a nonce is always signed fresh so the nonce can be echoed.
/// Nothing escapes as an exception: bad input is malformedRequest, another CA's certificate or an unsupported CertID
/// hash is unauthorized, and an internal failure is internalError. Thread-safe.
/// </summary>
public sealed class OcspResponder
{
    private readonly CertificateAuthority _authority;
    private readonly IssuerHashes _issuer;
    private readonly OcspResponseCache _cache;

    public OcspResponder(CertificateAuthority authority, OcspOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(authority);
        _authority = authority;
        Options = options ?? OcspOptions.Default;
        Options.Validate();
        _issuer = new IssuerHashes(authority.Certificate);
        _cache = new OcspResponseCache(Options.CacheCapacity);
    }

    public OcspOptions Options { get; }

    /// <summary>The CA this responder answers for.</summary>
    public CertificateAuthority Authority => _authority;

    /// <summary>The number of cached signed answers.</summary>
    public int CachedAnswers => _cache.Count;

    /// <summary>DER OCSPRequest in, DER OCSPResponse out.</summary>
    public byte[] Respond(ReadOnlySpan<byte> request) => Answer(request).Body.ToArray();

    /// <summary>Like <see cref="Respond"/>, with the status and update times for HTTP caching headers.</summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "An OCSP responder answers internalError, never a 500 (issue 4).")]
    public OcspAnswer Answer(ReadOnlySpan<byte> request)
    {
        try
        {
            return OcspRequestDecoder.TryDecode(request, Options, out var decoded, out var error) ? Answer(decoded!) : OcspAnswer.Error(error);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return OcspAnswer.Error(OcspResponseStatus.InternalError);
        }
    }

    /// <summary>The status this responder gives one certificate now.</summary>
    public OcspCertStatus StatusOf(CertificateSerial serial)
    {
        var stored = _authority.Store.FindStatus(serial);
        return stored switch
        {
            null => OcspCertStatus.Unknown,
            { Revocation: { } revocation } => OcspCertStatus.Revoked(revocation.RevokedAt, revocation.Reason),
            _ => OcspCertStatus.Good,
        };
    }

    /// <summary>True when the CertID names this responder's CA.</summary>
    internal bool IsIssuerOf(OcspCertId id) => _issuer.Match(id);

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "An OCSP responder answers internalError, never a 500 (issue 4).")]
    internal OcspAnswer Answer(OcspRequest request)
    {
        try
        {
            return AnswerUnguarded(request);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return OcspAnswer.Error(OcspResponseStatus.InternalError);
        }
    }

    private OcspAnswer AnswerUnguarded(OcspRequest request)
    {
        if (!request.CertIds.All(_issuer.Match))
        {
            return OcspAnswer.Error(OcspResponseStatus.Unauthorized);
        }

        var answers = request.CertIds.Select(id => (id, StatusOfCertId(id))).ToList();
        var now = Validity.ToSeconds(_authority.Time.GetUtcNow());
        var cacheable = request.Nonce is null && answers.Count == 1;
        if (cacheable && _cache.TryGet(answers[0].id, answers[0].Item2, now, out var cached))
        {
            return cached!;
        }

        var lifetime = _authority.Profile.OcspResponseLifetime;
        var body = OcspResponseWriter.Successful(_authority.CurrentResponder(), answers, now, now + lifetime, request.Nonce);
        var answer = new OcspAnswer(body, OcspResponseStatus.Successful, now, now + lifetime, FromCache: false);
        if (cacheable)
        {
            _cache.Put(answers[0].id, answers[0].Item2, answer, now + (lifetime / 2));
        }

        return answer;
    }

    private OcspCertStatus StatusOfCertId(OcspCertId id) =>
        CertificateSerial.TryFromInteger(id.SerialNumber.Span, out var serial) ? StatusOf(serial) : OcspCertStatus.Unknown;
}
