using System.Net.Sockets;

namespace CounterApp.VirtualCard.Vpcd;

/// <summary>A card sitting in a vpcd reader; disposing it takes the card out (closes the connection).</summary>
public sealed class VpcdInsertion : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly CancellationTokenSource _stop = new();

    internal VpcdInsertion(TcpClient client, VirtualResidentCard card)
    {
        _client = client;
        Card = card;
        Completion = Task.Run(() => VpcdClient.ServeAsync(client.Client, card, _stop.Token));
    }

    public VirtualResidentCard Card { get; }

    /// <summary>Completes when vpcd closes the connection or the card is removed.</summary>
    public Task Completion { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        try
        {
            await Completion;
        }
        catch (OperationCanceledException)
        {
            // removal is the expected end
        }
        catch (ObjectDisposedException)
        {
            // the socket closed under a pending read
        }

        _stop.Dispose();
        Card.PowerOff();
    }
}
