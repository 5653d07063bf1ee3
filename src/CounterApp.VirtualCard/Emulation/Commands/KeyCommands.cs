using System.Security.Cryptography;
using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;

namespace CounterApp.VirtualCard.Emulation.Commands;

/// <summary>
/// On the key EF 001A: GENERATE KEY PAIR 00 47 80 00 (issuer only; RSA-2048 made on the card, answers the
/// public key, clears the signing certificate), read the public key 00 47 81 00, and
/// COMPUTE DIGITAL SIGNATURE 80 2A 00 80 over a DigestInfo after the password was verified.
/// No command ever answers the private key.
/// </summary>
internal static class KeyCommands
{
    public static ResponseApdu GenerateOrRead(CardCore card, CommandApdu command)
    {
        if (command.P2 != 0x00 || command.P1 is not (0x80 or 0x81))
        {
            return CardCore.Status(StatusWord.IncorrectP1P2);
        }

        if (!card.TryCurrentEf(FileKind.Key, out _, out var refusal))
        {
            return refusal;
        }

        if (!command.Data.IsEmpty)
        {
            return CardCore.Status(StatusWord.IncorrectData);
        }

        if (command.P1 == 0x81)
        {
            return card.SigningKey is { } existing
                ? CardCore.Ok(PublicKeyTemplate.FromParameters(existing.ExportParameters(false)).Encode())
                : CardCore.Status(StatusWord.ReferencedDataNotFound);
        }

        if (!card.Session.IssuerAuthenticated)
        {
            return CardCore.Status(StatusWord.SecurityStatusNotSatisfied);
        }

        var key = card.KeyGenerator();
        card.ReplaceSigningKey(key);
        card.State.SigningCertificate = null; // it certified the old key
        card.Persist();
        return CardCore.Ok(PublicKeyTemplate.FromParameters(key.ExportParameters(false)).Encode());
    }

    public static ResponseApdu ComputeSignature(CardCore card, CommandApdu command)
    {
        if (command.P1 != 0x00 || command.P2 != 0x80)
        {
            return CardCore.Status(StatusWord.IncorrectP1P2);
        }

        if (!card.TryCurrentEf(FileKind.Key, out _, out var refusal))
        {
            return refusal;
        }

        if (card.SigningKey is not { } key)
        {
            return CardCore.Status(StatusWord.ReferencedDataNotFound);
        }

        if (!card.Session.PasswordVerified)
        {
            return CardCore.Status(StatusWord.SecurityStatusNotSatisfied);
        }

        if (!DigestInfo.TryParse(command.Data, out var algorithm, out var hash))
        {
            return CardCore.Status(StatusWord.IncorrectData);
        }

        return CardCore.Ok(key.SignHash(hash, algorithm, RSASignaturePadding.Pkcs1));
    }
}
