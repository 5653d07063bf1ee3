using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.VirtualCard;

/// <summary>A card's state without its secrets: tries left, whether a key and certificates are present.</summary>
public sealed record CardSummary(
    string Serial,
    int CardPinTriesLeft,
    int? PasswordTriesLeft,
    string? PublicKeySha256,
    string? SigningCertificateSubject,
    DateTimeOffset? SigningCertificateNotAfter,
    string? CaCertificateSubject)
{
    public bool HasPassword => PasswordTriesLeft is not null;

    internal static CardSummary Of(Emulation.CardCore core)
    {
        var state = core.State;
        string? keyHash = null;
        if (core.SigningKey is { } key)
        {
            keyHash = Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
        }

        using var signing = Load(state.SigningCertificate);
        using var ca = Load(state.CaCertificate);
        return new CardSummary(
            state.Serial,
            state.CardPin.TriesLeft,
            state.Password?.TriesLeft,
            keyHash,
            signing?.Subject,
            signing is null ? null : new DateTimeOffset(signing.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            ca?.Subject);
    }

    private static X509Certificate2? Load(byte[]? der) =>
        der is null ? null : X509CertificateLoader.LoadCertificate(der);
}
