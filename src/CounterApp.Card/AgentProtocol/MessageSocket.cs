using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace CounterApp.Card.AgentProtocol;

/// <summary>
/// JSON messages over a WebSocket, one text message each. Sends are serialised (a WebSocket allows one sender at a
/// time); one reader loop receives. Serialised and received bytes are zeroed after use, since APDUs carry PINs.
/// </summary>
public sealed class MessageSocket(WebSocket socket, int maxMessageBytes = MessageSocket.DefaultMaxMessageBytes) : IDisposable
{
    public const int DefaultMaxMessageBytes = 256 * 1024;
    private readonly SemaphoreSlim _send = new(1, 1);

    public WebSocket Socket { get; } = socket;

    public async Task SendAsync(AgentMessage message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, AgentJson.Options);
        try
        {
            await _send.WaitAsync(cancellationToken);
            try
            {
                await Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _send.Release();
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The next message, or null when the peer closed the WebSocket.</summary>
    /// <exception cref="InvalidDataException">Not a JSON text message, or larger than the limit.</exception>
    public async Task<AgentMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    if (buffer.Length >= maxMessageBytes)
                    {
                        throw new InvalidDataException($"A message exceeded {maxMessageBytes} bytes.");
                    }

                    var larger = new byte[Math.Min(buffer.Length * 2, maxMessageBytes)];
                    buffer.CopyTo(larger, 0);
                    CryptographicOperations.ZeroMemory(buffer);
                    buffer = larger;
                }

                var result = await Socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                if (result.MessageType != WebSocketMessageType.Text)
                {
                    throw new InvalidDataException("Messages are JSON text.");
                }

                count += result.Count;
                if (result.EndOfMessage)
                {
                    break;
                }
            }

            return JsonSerializer.Deserialize<AgentMessage>(buffer.AsSpan(0, count), AgentJson.Options)
                ?? throw new InvalidDataException("A message was JSON null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("A message was not valid JSON for the protocol.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Starts or completes the closing handshake; never throws for a socket that is already gone.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken)
    {
        if (Socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            if (!await _send.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken))
            {
                Socket.Abort();
                return;
            }

            try
            {
                await Socket.CloseOutputAsync(status, description, cancellationToken);
            }
            finally
            {
                _send.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            Socket.Abort();
        }
    }

    public void Dispose()
    {
        Socket.Dispose();
        _send.Dispose();
    }
}
