using CounterApp.Card.Apdu;
using CounterApp.Card.Connection;
using CounterApp.Card.Profile;

namespace CounterApp.Card.Client;

/// <summary>
/// Drives a resident card through any <see cref="ISmartCardConnection"/> (PC/SC, the reader agent, the virtual
/// card). PINs and passwords come in as characters, go to the card as ASCII in buffers zeroed right after
/// the exchange, and are never logged, kept or put in a message. Methods do not open transactions: the card
/// session that runs a procedure holds one around its steps.
/// </summary>
public sealed partial class ResidentCardClient(ISmartCardConnection connection)
{
    private const int ReadChunk = CommandApdu.MaxShortNe;
    private readonly ApduChannel _channel = new(connection);

    public async Task SelectApplicationAsync(CancellationToken cancellationToken = default) =>
        await ExpectSuccessAsync("SELECT the JPKI application", ResidentCardCommands.SelectApplication(), cancellationToken);

    /// <summary>The card's unique serial from EF 0006 (selects the application first).</summary>
    public async Task<string> ReadSerialAsync(CancellationToken cancellationToken = default)
    {
        await SelectApplicationAsync(cancellationToken);
        await SelectEfAsync(ResidentCardProfile.TokenInfoEf, cancellationToken);
        var response = await ExpectSuccessAsync("READ BINARY token info", ResidentCardCommands.ReadBinary(0, TokenInfo.Length), cancellationToken);
        return TokenInfo.DecodeSerial(response.Data.Span);
    }

    /// <summary>Tries left on the signing password, without trying it (VERIFY with no data).</summary>
    public Task<CredentialStatus> GetPasswordStatusAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(ResidentCardProfile.PasswordEf, cancellationToken);

    /// <summary>Tries left on the card PIN, without trying it.</summary>
    public Task<CredentialStatus> GetCardPinStatusAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(ResidentCardProfile.CardPinEf, cancellationToken);

    /// <summary>Verifies the signing password (a wrong one costs a try; five lock it, R-CA-01).</summary>
    public Task<CredentialStatus> VerifyPasswordAsync(ReadOnlyMemory<char> password, CancellationToken cancellationToken = default) =>
        VerifyAsync(ResidentCardProfile.PasswordEf, password, "password", ResidentCardProfile.PasswordMaxTries, cancellationToken);

    /// <summary>Verifies the 4-digit card PIN (R-CE-05, R-PX-02).</summary>
    public Task<CredentialStatus> VerifyCardPinAsync(ReadOnlyMemory<char> pin, CancellationToken cancellationToken = default) =>
        VerifyAsync(ResidentCardProfile.CardPinEf, pin, "card PIN", ResidentCardProfile.CardPinMaxTries, cancellationToken);

    /// <summary>Reads the signing certificate; the password must have been verified in this session.</summary>
    public Task<byte[]?> ReadSigningCertificateAsync(CancellationToken cancellationToken = default) =>
        ReadCertificateAsync(ResidentCardProfile.SigningCertificateEf, cancellationToken);

    public Task<byte[]?> ReadCaCertificateAsync(CancellationToken cancellationToken = default) =>
        ReadCertificateAsync(ResidentCardProfile.CaCertificateEf, cancellationToken);

    /// <summary>Signs a DigestInfo with the card's key (PKCS#1 v1.5); the password must have been verified.</summary>
    public async Task<byte[]> SignDigestInfoAsync(ReadOnlyMemory<byte> digestInfo, CancellationToken cancellationToken = default)
    {
        await SelectApplicationAsync(cancellationToken);
        await SelectEfAsync(ResidentCardProfile.SigningKeyEf, cancellationToken);
        var response = await ExpectSuccessAsync("COMPUTE DIGITAL SIGNATURE", ResidentCardCommands.ComputeDigitalSignature(digestInfo), cancellationToken);
        return response.Data.ToArray();
    }

    /// <summary>Reads the public key of the signing key pair, or null when the card has none yet.</summary>
    public async Task<PublicKeyTemplate?> ReadPublicKeyAsync(CancellationToken cancellationToken = default)
    {
        await SelectApplicationAsync(cancellationToken);
        await SelectEfAsync(ResidentCardProfile.SigningKeyEf, cancellationToken);
        var response = await _channel.SendAsync(ResidentCardCommands.ReadPublicKey(), cancellationToken);
        if (response.StatusWord == StatusWord.ReferencedDataNotFound)
        {
            return null;
        }

        ThrowUnlessSuccess("READ PUBLIC KEY", response);
        return PublicKeyTemplate.Decode(response.Data);
    }

    private async Task<CredentialStatus> QueryAsync(ushort ef, CancellationToken cancellationToken)
    {
        await SelectApplicationAsync(cancellationToken);
        await SelectEfAsync(ef, cancellationToken);
        var response = await _channel.SendAsync(ResidentCardCommands.VerifyStatus(), cancellationToken);
        return CredentialStatus.FromQuery(response.StatusWord)
            ?? throw new CardCommandException($"VERIFY status of EF {ef:X4}", response.StatusWord);
    }

    private async Task<CredentialStatus> VerifyAsync(ushort ef, ReadOnlyMemory<char> value, string what, int maxTries, CancellationToken cancellationToken)
    {
        using var secret = SecretBytes.FromChars(value.Span, what);
        await SelectApplicationAsync(cancellationToken);
        await SelectEfAsync(ef, cancellationToken);
        var response = await _channel.SendAsync(ResidentCardCommands.Verify(secret.Bytes), cancellationToken);
        return CredentialStatus.FromVerify(response.StatusWord, maxTries)
            ?? throw new CardCommandException($"VERIFY {what}", response.StatusWord);
    }

    private async Task<byte[]?> ReadCertificateAsync(ushort ef, CancellationToken cancellationToken)
    {
        await SelectApplicationAsync(cancellationToken);
        await SelectEfAsync(ef, cancellationToken);
        var head = await _channel.SendAsync(ResidentCardCommands.ReadBinary(0, 4), cancellationToken);
        if (head.StatusWord == StatusWord.WrongOffset)
        {
            return null; // the EF is empty: nothing written yet
        }

        ThrowUnlessSuccess($"READ BINARY EF {ef:X4}", head);
        var total = DerLength.TotalLength(head.Data.Span)
            ?? throw new InvalidDataException($"EF {ef:X4} does not start with a DER certificate.");
        var content = new byte[total];
        var at = 0;
        while (at < total)
        {
            var response = await ExpectSuccessAsync($"READ BINARY EF {ef:X4}", ResidentCardCommands.ReadBinary(at, Math.Min(ReadChunk, total - at)), cancellationToken);
            if (response.Data.IsEmpty)
            {
                throw new InvalidDataException($"EF {ef:X4} ended after {at} of {total} bytes.");
            }

            response.Data.Span.CopyTo(content.AsSpan(at));
            at += response.Data.Length;
        }

        return content;
    }

    private Task<ResponseApdu> SelectEfAsync(ushort ef, CancellationToken cancellationToken) =>
        ExpectSuccessAsync($"SELECT EF {ef:X4}", ResidentCardCommands.SelectEf(ef), cancellationToken);

    private async Task<ResponseApdu> ExpectSuccessAsync(string step, CommandApdu command, CancellationToken cancellationToken)
    {
        var response = await _channel.SendAsync(command, cancellationToken);
        ThrowUnlessSuccess(step, response);
        return response;
    }

    private static void ThrowUnlessSuccess(string step, ResponseApdu response)
    {
        if (!response.IsSuccess)
        {
            throw new CardCommandException(step, response.StatusWord);
        }
    }
}
