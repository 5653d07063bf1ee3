using System.Security.Cryptography;
using CounterApp.Card.Apdu;

namespace CounterApp.Card.Connection;

/// <summary>
/// Sends <see cref="CommandApdu"/>s over an <see cref="ISmartCardConnection"/> the way any reader accepts them:
/// short APDUs only, command chaining for data over 255 bytes, GET RESPONSE while the card answers 61 xx, and a
/// resend with the right Le on 6C xx. Encoded buffers are zeroed after use, since some carry PINs.
/// </summary>
public sealed class ApduChannel(ISmartCardConnection connection)
{
    private const byte InsGetResponse = 0xC0;
    private const int MaxResponseBytes = 65_536;

    public ISmartCardConnection Connection { get; } = connection ?? throw new ArgumentNullException(nameof(connection));

    public async Task<ResponseApdu> SendAsync(CommandApdu command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parts = CommandChaining.Split(command.WithNe(Math.Min(command.Ne, CommandApdu.MaxShortNe)));
        for (var i = 0; i < parts.Count - 1; i++)
        {
            var intermediate = await TransmitOnceAsync(parts[i], cancellationToken);
            if (!intermediate.IsSuccess)
            {
                return intermediate;
            }
        }

        var response = await TransmitOnceAsync(parts[^1], cancellationToken);
        if (response.StatusWord.ExactLength is { } exact)
        {
            response = await TransmitOnceAsync(parts[^1].WithNe(exact), cancellationToken);
        }

        return await CollectRemainingAsync(command.Cla, response, cancellationToken);
    }

    private async Task<ResponseApdu> CollectRemainingAsync(byte cla, ResponseApdu first, CancellationToken cancellationToken)
    {
        if (first.StatusWord.BytesAvailable is null)
        {
            return first;
        }

        var collected = new List<byte>(first.Data.ToArray());
        var response = first;
        while (response.StatusWord.BytesAvailable is { } available)
        {
            if (collected.Count > MaxResponseBytes)
            {
                throw new InvalidDataException("The card kept answering 61 xx past 64 KiB.");
            }

            var getResponse = new CommandApdu((byte)(cla & 0x03), InsGetResponse, 0, 0, default, available);
            response = await TransmitOnceAsync(getResponse, cancellationToken);
            collected.AddRange(response.Data.ToArray());
        }

        return new ResponseApdu(collected.ToArray(), response.StatusWord);
    }

    private async Task<ResponseApdu> TransmitOnceAsync(CommandApdu command, CancellationToken cancellationToken)
    {
        var bytes = command.Encode();
        try
        {
            var response = await Connection.TransmitAsync(bytes, cancellationToken);
            return ResponseApdu.Parse(response);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
