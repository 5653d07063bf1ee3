using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;

namespace CounterApp.VirtualCard.Emulation.Commands;

/// <summary>
/// UPDATE BINARY (issuer only) replaces a certificate EF with one whole DER certificate, sent with command
/// chaining or an extended Lc; P1 P2 must be 0000. The signing certificate must certify this card's key.
/// </summary>
internal static class UpdateBinaryCommand
{
    public static ResponseApdu Handle(CardCore card, CommandApdu command)
    {
        if (!card.TryCurrentEf(FileKind.Binary, out var fileId, out var refusal))
        {
            return refusal;
        }

        if (!CardFiles.IsWritableCertificate(fileId) || !card.Session.IssuerAuthenticated)
        {
            return CardCore.Status(StatusWord.SecurityStatusNotSatisfied);
        }

        if (command.P1P2 != 0)
        {
            return CardCore.Status(StatusWord.WrongOffset);
        }

        if (command.Data.IsEmpty)
        {
            return CardCore.Status(StatusWord.WrongLength);
        }

        if (command.Data.Length > ResidentCardProfile.MaxCertificateBytes)
        {
            return CardCore.Status(StatusWord.NotEnoughMemory);
        }

        var content = command.Data.ToArray();
        if (!TryReadCertificateKey(content, out var publicKey))
        {
            return CardCore.Status(StatusWord.IncorrectData);
        }

        if (fileId == ResidentCardProfile.SigningCertificateEf)
        {
            if (card.SigningKey is not { } key)
            {
                return CardCore.Status(StatusWord.ConditionsNotSatisfied);
            }

            if (publicKey is null || !PublicKeyTemplate.FromParameters(key.ExportParameters(false)).SameKeyAs(publicKey.Value))
            {
                return CardCore.Status(StatusWord.IncorrectData);
            }

            card.State.SigningCertificate = content;
        }
        else
        {
            card.State.CaCertificate = content;
        }

        card.Persist();
        return CardCore.Ok();
    }

    /// <summary>
    /// True when <paramref name="content"/> is exactly one DER X.509 certificate (OpenSC sizes the EF from the
    /// DER header); <paramref name="publicKey"/> is its RSA key, if it has one.
    /// </summary>
    private static bool TryReadCertificateKey(byte[] content, out RSAParameters? publicKey)
    {
        publicKey = null;
        try
        {
            if (!AsnDecoder.TryReadEncodedValue(content, AsnEncodingRules.DER, out var tag, out _, out _, out var consumed)
                || consumed != content.Length || tag != Asn1Tag.Sequence)
            {
                return false;
            }

            using var certificate = X509CertificateLoader.LoadCertificate(content);
            using var rsa = certificate.GetRSAPublicKey();
            publicKey = rsa?.ExportParameters(false);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
