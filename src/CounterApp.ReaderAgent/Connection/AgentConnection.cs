using System.Net.WebSockets;
using System.Reflection;
using CounterApp.ReaderAgent.Identity;
using CounterApp.Card.AgentProtocol;
using CounterApp.ReaderAgent.Readers;
using CounterApp.ReaderAgent.Sessions;

namespace CounterApp.ReaderAgent.Connection;

/// <summary>
/// One WebSocket connection to the server: the handshake (<c>hello</c> with a challenge; <c>enrol</c> or
/// <c>authenticate</c> signed with the agent's key; <c>welcome</c> or <c>refused</c>), then reader reports and the
/// server's card requests until either side closes.
/// </summary>
internal sealed partial class AgentConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _webSocket;
    private readonly MessageSocket _socket;
    private readonly AgentOptions _options;
    private readonly ILogger _logger;

    private AgentConnection(ClientWebSocket webSocket, AgentOptions options, ILogger logger)
    {
        _webSocket = webSocket;
        _socket = new MessageSocket(webSocket);
        _options = options;
        _logger = logger;
    }

    public AgentIdentity Identity { get; private set; } = null!;

    /// <summary>The counter the server binds this agent to, if any.</summary>
    public int? CounterId { get; private set; }

    /// <summary>
    /// Connects and authenticates, or enrols with <paramref name="enrolmentCode"/> when <paramref name="store"/> holds no
    /// credential (or <paramref name="reEnrol"/> is set; the stored credential is replaced only once the server accepts).
    /// </summary>
    /// <exception cref="AgentRefusedException">The server refused the agent, or it has no credential and no code.</exception>
    public static async Task<AgentConnection> OpenAsync(AgentOptions options, AgentIdentityStore store, string? enrolmentCode, bool reEnrol, ILogger logger, CancellationToken cancellationToken)
    {
        var identity = reEnrol && !string.IsNullOrWhiteSpace(enrolmentCode) ? null : store.Load();
        if (identity is null && string.IsNullOrWhiteSpace(enrolmentCode))
        {
            throw new AgentRefusedException(RefusalCodes.NotEnrolled, $"The agent has no credential in {store.Folder}: enrol it with a code from the administrator (CounterApp.ReaderAgent enrol --code …).");
        }

        var webSocket = new ClientWebSocket();
        webSocket.Options.KeepAliveInterval = options.KeepAliveInterval;
        webSocket.Options.KeepAliveTimeout = options.KeepAliveTimeout;
        var connection = new AgentConnection(webSocket, options, logger);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(options.ConnectTimeout);
            await webSocket.ConnectAsync(options.Server!, limit.Token);
            await connection.HandshakeAsync(store, identity, enrolmentCode, limit.Token);
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            identity?.Dispose();
            await connection.DisposeAsync();
            throw new TimeoutException($"No answer from {options.Server} within {options.ConnectTimeout.TotalSeconds:0} s.");
        }
        catch
        {
            identity?.Dispose();
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reports readers and serves the server's requests until the connection ends (returns) or fails (throws).</summary>
    public async Task RunAsync(ICardReaderSource readers, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sessions = new CardSessions(readers, _socket, _options.OperationTimeout, _logger);
        var watcher = new ReaderWatcher(readers, _socket, _options.ReaderPollInterval, _logger).RunAsync(stop.Token);
        try
        {
            while (true)
            {
                AgentMessage? message;
                try
                {
                    message = await _socket.ReceiveAsync(stop.Token);
                }
                catch (InvalidDataException e)
                {
                    LogProtocolError(_logger, e);
                    await _socket.CloseAsync(WebSocketCloseStatus.ProtocolError, "protocol error", CancellationToken.None);
                    return;
                }

                if (message is null)
                {
                    LogServerClosed(_logger, _webSocket.CloseStatus, _webSocket.CloseStatusDescription);
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    return;
                }

                sessions.Dispatch(message);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await sessions.DisposeAsync();
            await watcher;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_webSocket.State == WebSocketState.Open)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "agent stopping", limit.Token);
        }

        _socket.Dispose();
        Identity?.Dispose();
    }

    private async Task HandshakeAsync(AgentIdentityStore store, AgentIdentity? identity, string? enrolmentCode, CancellationToken cancellationToken)
    {
        var hello = await _socket.ReceiveAsync(cancellationToken);
        if (hello is not { Type: MessageTypes.Hello, Challenge.Length: AgentProof.ChallengeLength })
        {
            throw new InvalidDataException("The server did not start with a hello and a 32-byte challenge.");
        }

        if (hello.Protocol != AgentJson.ProtocolVersion)
        {
            throw new InvalidDataException($"The server speaks agent protocol {hello.Protocol}; this agent speaks {AgentJson.ProtocolVersion}.");
        }

        using var newKey = identity is null ? AgentIdentity.NewKey() : null;
        if (identity is not null)
        {
            await _socket.SendAsync(
                new AgentMessage
                {
                    Type = MessageTypes.Authenticate,
                    AgentId = identity.AgentId,
                    Signature = identity.Key.SignData(AgentProof.AuthenticatePayload(hello.Challenge, identity.AgentId), System.Security.Cryptography.HashAlgorithmName.SHA256),
                    Host = Environment.MachineName,
                    Version = Version,
                },
                cancellationToken);
        }
        else
        {
            var publicKey = newKey!.ExportSubjectPublicKeyInfo();
            await _socket.SendAsync(
                new AgentMessage
                {
                    Type = MessageTypes.Enrol,
                    EnrolmentCode = enrolmentCode,
                    PublicKey = publicKey,
                    Signature = newKey.SignData(AgentProof.EnrolPayload(hello.Challenge, publicKey), System.Security.Cryptography.HashAlgorithmName.SHA256),
                    Host = Environment.MachineName,
                    Version = Version,
                },
                cancellationToken);
        }

        var answer = await _socket.ReceiveAsync(cancellationToken);
        switch (answer)
        {
            case { Type: MessageTypes.Refused }:
                throw new AgentRefusedException(answer.Error ?? "refused", $"The server refused the agent: {answer.Error} ({answer.Message}).");
            case { Type: MessageTypes.Welcome, AgentId: { } agentId }:
                if (identity is null)
                {
                    store.Save(agentId, answer.Name ?? "", newKey!);
                    identity = store.Load() ?? throw new InvalidOperationException("The credential just written cannot be read back.");
                    LogEnrolled(_logger, agentId, answer.Name, store.Folder);
                }
                else if (identity.AgentId != agentId)
                {
                    throw new InvalidDataException($"The server welcomed agent {agentId}, not {identity.AgentId}.");
                }

                Identity = identity;
                CounterId = answer.CounterId;
                return;
            case null:
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, $"The server closed the connection during the handshake ({_webSocket.CloseStatusDescription}).");
            default:
                throw new InvalidDataException($"Unexpected \"{answer.Type}\" during the handshake.");
        }
    }

    private static string Version { get; } =
        typeof(AgentConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled as agent {AgentId} ({Name}); credential in {Folder}")]
    private static partial void LogEnrolled(ILogger logger, long agentId, string? name, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "The server closed the connection: {Status} {Description}")]
    private static partial void LogServerClosed(ILogger logger, WebSocketCloseStatus? status, string? description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Protocol error from the server; closing")]
    private static partial void LogProtocolError(ILogger logger, Exception exception);
}
