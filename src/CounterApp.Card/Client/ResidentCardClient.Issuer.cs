using System.Security.Cryptography;
using CounterApp.Card.Profile;
using CounterApp.Card.Issuer;

namespace CounterApp.Card.Client;

/// <summary>The issuer's side: authenticate, generate the key, write certificates, set and reset credentials.</summary>
public sealed partial class ResidentCardClient
{
    /// <summary>
    /// GET CHALLENGE → EXTERNAL AUTHENTICATE with the per-card key derived from the card serial and the
    /// issuer master secret. Issuer commands work until the card is reset or removed.
    /// </summary>
    /// <exception cref="CardCommandException">The card refused the cryptogram (63 00).</exception>
    public async Task AuthenticateIssuerAsync(ReadOnlyMemory<byte> masterSecret, CancellationToken cancellationToken = default)
    {
        var serial = await ReadSerialAsync(cancellationToken);
        var key = IssuerKeyDerivation.DeriveCardKey(masterSecret.Span, serial);
        byte[]? cryptogram = null;
        try
        {
            var challenge = await ExpectSuccessAsync("GET CHALLENGE", ResidentCardCommands.GetChallenge(), cancellationToken);
            cryptogram = IssuerCryptogram.Compute(key, challenge.Data.Span);
            await ExpectSuccessAsync("EXTERNAL AUTHENTICATE", ResidentCardCommands.ExternalAuthenticate(cryptogram), cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            if (cryptogram is not null)
            {
                CryptographicOperations.ZeroMemory(cryptogram);
            }
        }
    }

    /// <summary>Generates the RSA-2048 signing key on the card (R-CE-01); any signing certificate is cleared.</summary>
    public async Task<PublicKeyTemplate> GenerateKeyPairAsync(CancellationToken cancellationToken = default)
    {
        await SelectApplicationAsync(cancellationToken);
        await SelectEfAsync(ResidentCardProfile.SigningKeyEf, cancellationToken);
        var response = await ExpectSuccessAsync("GENERATE KEY PAIR", ResidentCardCommands.GenerateKeyPair(), cancellationToken);
        return PublicKeyTemplate.Decode(response.Data);
    }

    /// <summary>Writes the signing certificate; the card refuses one whose key is not its own (6A80).</summary>
    public Task WriteSigningCertificateAsync(ReadOnlyMemory<byte> certificate, CancellationToken cancellationToken = default) =>
        WriteEfAsync(ResidentCardProfile.SigningCertificateEf, certificate, cancellationToken);

    public Task WriteCaCertificateAsync(ReadOnlyMemory<byte> certificate, CancellationToken cancellationToken = default) =>
        WriteEfAsync(ResidentCardProfile.CaCertificateEf, certificate, cancellationToken);

    /// <summary>Sets the signing password at issuance (R-CE-05): a new value and five tries.</summary>
    public Task SetInitialPasswordAsync(ReadOnlyMemory<char> password, CancellationToken cancellationToken = default) =>
        ResetAsync(ResidentCardProfile.PasswordEf, password, "password", cancellationToken);

    /// <summary>Unlocks a locked certificate with a new password (R-CA-01: unlocking resets the password).</summary>
    public Task UnlockPasswordAsync(ReadOnlyMemory<char> newPassword, CancellationToken cancellationToken = default) =>
        ResetAsync(ResidentCardProfile.PasswordEf, newPassword, "password", cancellationToken);

    /// <summary>Resets a forgotten or locked card PIN to a new one (R-CA-03).</summary>
    public Task ResetCardPinAsync(ReadOnlyMemory<char> newPin, CancellationToken cancellationToken = default) =>
        ResetAsync(ResidentCardProfile.CardPinEf, newPin, "card PIN", cancellationToken);

    /// <summary>
    /// The resident changes the password (R-CA-02): VERIFY the old one, then CHANGE REFERENCE DATA with the new.
    /// Returns the verification's result; the password changed only when it is <see cref="CredentialOutcome.Verified"/>.
    /// </summary>
    public async Task<CredentialStatus> ChangePasswordAsync(ReadOnlyMemory<char> oldPassword, ReadOnlyMemory<char> newPassword, CancellationToken cancellationToken = default)
    {
        var verified = await VerifyPasswordAsync(oldPassword, cancellationToken);
        if (!verified.IsVerified)
        {
            return verified;
        }

        using var secret = SecretBytes.FromChars(newPassword.Span, "password");
        await ExpectSuccessAsync("CHANGE REFERENCE DATA password", ResidentCardCommands.ChangeReferenceData(secret.Bytes), cancellationToken);
        return verified;
    }

    private async Task ResetAsync(ushort ef, ReadOnlyMemory<char> value, string what, CancellationToken cancellationToken)
    {
        using var secret = SecretBytes.FromChars(value.Span, what);
        await SelectApplicationAsync(cancellationToken);
        await SelectEfAsync(ef, cancellationToken);
        await ExpectSuccessAsync($"RESET RETRY COUNTER {what}", ResidentCardCommands.ResetRetryCounter(secret.Bytes), cancellationToken);
    }

    private async Task WriteEfAsync(ushort ef, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await SelectApplicationAsync(cancellationToken);
        await SelectEfAsync(ef, cancellationToken);
        await ExpectSuccessAsync($"UPDATE BINARY EF {ef:X4}", ResidentCardCommands.UpdateBinary(content), cancellationToken);
    }
}
