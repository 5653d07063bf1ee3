namespace CounterApp.Pki.Ocsp;

/// <summary>Bounds on what the responder accepts and keeps. Anything over a bound is a malformedRequest, never work.</summary>
public sealed record OcspOptions
{
    public static OcspOptions Default { get; } = new();

    /// <summary>The largest request accepted (bytes of DER). A one-certificate request is about 80–120 bytes.</summary>
    public int MaxRequestBytes { get; init; } = 8 * 1024;

    /// <summary>The most certificates one request may ask about.</summary>
    public int MaxCertIds { get; init; } = 16;

    /// <summary>The most signed answers kept; the cache starts over when full. 0 turns caching off.</summary>
    public int CacheCapacity { get; init; } = 100_000;

    /// <summary>Refuses bounds that would make the responder useless or unbounded.</summary>
    public void Validate()
    {
        if (MaxRequestBytes is < 128 or > 1024 * 1024)
        {
            throw new ArgumentException($"{nameof(MaxRequestBytes)} must be 128 bytes to 1 MiB.", nameof(MaxRequestBytes));
        }

        if (MaxCertIds is < 1 or > 1000)
        {
            throw new ArgumentException($"{nameof(MaxCertIds)} must be 1–1000.", nameof(MaxCertIds));
        }

        if (CacheCapacity < 0)
        {
            throw new ArgumentException($"{nameof(CacheCapacity)} cannot be negative.", nameof(CacheCapacity));
        }
    }

    /// <summary>The longest GET path accepted: the base64 of <see cref="MaxRequestBytes"/>, every character percent-encoded.</summary>
    public int MaxGetPathLength => (MaxRequestBytes + 2) / 3 * 4 * 3;
}
