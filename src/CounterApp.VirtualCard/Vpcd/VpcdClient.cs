using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CounterApp.VirtualCard.Vpcd;

/// <summary>
/// Puts a <see cref="VirtualResidentCard"/> into a real PC/SC reader: pcscd's vpcd driver listens on a TCP port
/// (35963 for the first reader of Debian's configuration) and this client connects as the card. Every message
/// is a 2-byte big-endian length and a payload; a 1-byte payload is a control (0 power off, 1 power on,
/// 2 reset, 4 get ATR), anything longer a command APDU to answer. Closing the connection removes the card.
/// </summary>
public static class VpcdClient
{
    public const int DefaultPort = 35963;
    public const string DefaultHost = "127.0.0.1";

    /// <summary>
    /// Connects the card to vpcd, retrying until <paramref name="connectTimeout"/> (pcscd may still be starting),
    /// and serves it in the background until the returned insertion is disposed.
    /// </summary>
    public static async Task<VpcdInsertion> InsertAsync(VirtualResidentCard card, string host, int port, TimeSpan connectTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        var deadline = connectTimeout == Timeout.InfiniteTimeSpan ? DateTime.MaxValue : DateTime.UtcNow + connectTimeout;
        while (true)
        {
            var client = new TcpClient { NoDelay = true };
            try
            {
                await client.ConnectAsync(host, port, cancellationToken);
                return new VpcdInsertion(client, card);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                client.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
    }

    /// <summary>Serves the card on a connected stream until vpcd closes it or <paramref name="cancellationToken"/> fires.</summary>
    internal static async Task ServeAsync(Socket socket, VirtualResidentCard card, CancellationToken cancellationToken)
    {
        using var stream = new NetworkStream(socket, ownsSocket: false);
        var header = new byte[2];
        while (!cancellationToken.IsCancellationRequested)
        {
            AcknowledgeQuickly(socket);
            if (!await TryReadExactlyAsync(stream, header, cancellationToken))
            {
                return; // vpcd went away
            }

            var payload = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
            if (!await TryReadExactlyAsync(stream, payload, cancellationToken))
            {
                return;
            }

            try
            {
                var answer = Answer(card, payload);
                if (answer is not null)
                {
                    await SendAsync(stream, answer, cancellationToken);
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payload);
            }
        }
    }

    /// <summary>
    /// vpcd writes the length and the APDU separately without TCP_NODELAY, so its second write waits for our
    /// ACK of the first; Linux delays that ACK by 40 ms or more unless TCP_QUICKACK is set before each read.
    /// </summary>
    private static void AcknowledgeQuickly(Socket socket)
    {
        if (OperatingSystem.IsLinux())
        {
            const int IpProtoTcp = 6;
            const int TcpQuickAck = 12;
            socket.SetRawSocketOption(IpProtoTcp, TcpQuickAck, BitConverter.GetBytes(1));
        }
    }

    private static byte[]? Answer(VirtualResidentCard card, byte[] payload)
    {
        if (payload.Length != 1)
        {
            return payload.Length == 0 ? null : card.Process(payload);
        }

        switch (payload[0])
        {
            case 0: // power off
                card.PowerOff();
                return null;
            case 1: // power on
            case 2: // reset
                card.Reset();
                return null;
            case 4: // get ATR
                return VirtualResidentCard.Atr.ToArray();
            default:
                return null;
        }
    }

    private static async Task SendAsync(Stream stream, byte[] data, CancellationToken cancellationToken)
    {
        var message = new byte[2 + data.Length];
        BinaryPrimitives.WriteUInt16BigEndian(message, (ushort)data.Length);
        data.CopyTo(message, 2);
        await stream.WriteAsync(message, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static async Task<bool> TryReadExactlyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // connection reset by pcscd
        }
    }
}
