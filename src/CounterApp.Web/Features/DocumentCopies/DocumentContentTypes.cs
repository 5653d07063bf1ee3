namespace CounterApp.Web.Features.DocumentCopies;

/// <summary>
/// The copies the counter keeps: JPEG and PNG scans or photos, and PDF scans. The declared type must be one of them
/// and the bytes must start with that format's signature, so a renamed file or a script is refused.
/// </summary>
public static class DocumentContentTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";

    private static readonly Dictionary<string, byte[]> Signatures = new(StringComparer.Ordinal)
    {
        [Jpeg] = [0xFF, 0xD8, 0xFF],
        [Png] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        [Pdf] = "%PDF-"u8.ToArray(),
    };

    public static IReadOnlyCollection<string> Allowed => Signatures.Keys;

    /// <summary>The media type without parameters, lower case ("image/JPEG; q=1" is image/jpeg); null when not allowed.</summary>
    public static string? Normalize(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media is not null && Signatures.ContainsKey(media) ? media : null;
    }

    /// <summary>Whether the bytes start with the signature of the (normalized) type.</summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> content) =>
        Signatures.TryGetValue(contentType, out var signature) && content.StartsWith(signature);
}
