using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using CounterApp.Card.AgentProtocol;
using CounterApp.Web.Agents;
using Microsoft.Extensions.Logging.Abstractions;

namespace CounterApp.Web.Tests.Features.Readers;

/// <summary>
/// A reader agent reduced to its protocol, connected to a real <see cref="AgentRegistry"/> over a loopback WebSocket
/// (the server side is the app's own <see cref="AgentChannel"/>, as the endpoint makes it after the handshake). It
/// reports the readers it is told to and answers <c>open</c> with a session or with <see cref="OpenError"/>.
/// </summary>
internal sealed class FakeAgent : IAsyncDisposable
{
    /// <summary>An <see cref="OpenError"/> that makes the agent never answer <c>open</c> (to drop the connection meanwhile).</summary>
    public const string Silent = "silent";

    private readonly TcpClient _agentTcp;
    private readonly TcpClient _serverTcp;
    private readonly MessageSocket _socket;
    private readonly Task _server;
    private readonly Task _answers;
    private readonly CancellationTokenSource _stop = new();

    private FakeAgent(TcpClient agentTcp, TcpClient serverTcp, AgentRegistry registry, long agentId, int counterId)
    {
        _agentTcp = agentTcp;
        _serverTcp = serverTcp;
        var serverSocket = WebSocket.CreateFromStream(serverTcp.GetStream(), new WebSocketCreationOptions { IsServer = true });
        _socket = new MessageSocket(WebSocket.CreateFromStream(agentTcp.GetStream(), new WebSocketCreationOptions { IsServer = false }));
        var channel = new AgentChannel(
            new MessageSocket(serverSocket), new AgentAdmission(agentId, $"fake-{agentId}", counterId), DateTimeOffset.UtcNow,
            TimeSpan.FromSeconds(10), registry.Notify, NullLogger.Instance);
        registry.Add(channel);
        _server = Task.Run(async () =>
        {
            try
            {
                await channel.RunAsync(CancellationToken.None);
            }
            finally
            {
                registry.Remove(channel);
                channel.Dispose();
            }
        });
        _answers = Task.Run(AnswerAsync);
    }

    /// <summary>Null: <c>open</c> succeeds; otherwise the error code the agent answers it with (or <see cref="Silent"/>).</summary>
    public string? OpenError { get; set; }

    public int Opens { get; private set; }

    public static async Task<FakeAgent> ConnectAsync(AgentRegistry registry, long agentId, int counterId)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var agentTcp = new TcpClient();
        var connecting = agentTcp.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        var serverTcp = await listener.AcceptTcpClientAsync();
        await connecting;
        return new FakeAgent(agentTcp, serverTcp, registry, agentId, counterId);
    }

    /// <summary>Sends a <c>readers</c> report, then waits until the registry shows it.</summary>
    public async Task ReportAsync(AgentRegistry registry, long agentId, params (string Name, bool Card)[] readers)
    {
        await _socket.SendAsync(
            new AgentMessage { Type = MessageTypes.Readers, Readers = [.. readers.Select(r => new ReaderInfo(r.Name, r.Card, r.Card ? [0x3B, 0x00] : null))] },
            CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (registry.Find(agentId) is not { } agent || agent.Readers.Count != readers.Length
            || !agent.Readers.Select(r => (r.Name, r.CardPresent)).SequenceEqual(readers))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The registry never showed the reported readers.");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _agentTcp.Dispose();
        await Task.WhenAll(_server, _answers).WaitAsync(TimeSpan.FromSeconds(10));
        _serverTcp.Dispose();
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task AnswerAsync()
    {
        try
        {
            while (await _socket.ReceiveAsync(_stop.Token) is { } request)
            {
                AgentMessage? answer = request.Type switch
                {
                    MessageTypes.Open => Open(request),
                    MessageTypes.Transmit => new AgentMessage { Type = MessageTypes.Result, Id = request.Id, Apdu = [0x90, 0x00] },
                    _ => new AgentMessage { Type = MessageTypes.Result, Id = request.Id },
                };
                if (answer is not null)
                {
                    await _socket.SendAsync(answer, _stop.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The test ended the connection.
        }
    }

    private AgentMessage? Open(AgentMessage request)
    {
        Opens++;
        return OpenError switch
        {
            null => new AgentMessage { Type = MessageTypes.Result, Id = request.Id, Atr = [0x3B, 0x00] },
            Silent => null,
            var code => new AgentMessage { Type = MessageTypes.Error, Id = request.Id, Error = code, Message = "fake agent" },
        };
    }
}
