using System.Data.Common;
using System.Net.WebSockets;
using System.Security.Cryptography;
using CounterApp.Card.AgentProtocol;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Agents;

/// <summary>
/// <c>/agents/connect</c>: the WebSocket the reader agents dial out to. The server speaks first (<c>hello</c> with a
/// fresh challenge); the agent enrols or authenticates; a refused agent gets <c>refused</c> and a policy-violation
/// close; an admitted one joins the <see cref="AgentRegistry"/> until the connection ends.
/// </summary>
internal static partial class AgentEndpoint
{
    public const string Path = "/agents/connect";

    public static async Task HandleAsync(HttpContext http, AgentRegistry registry, IServiceScopeFactory scopes, IOptions<AgentServerOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }

        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(AgentEndpoint).FullName!);
        using var webSocket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        });
        using var socket = new MessageSocket(webSocket);
        var remote = http.Connection.RemoteIpAddress?.ToString();
        AgentAdmission? admission;
        try
        {
            admission = await HandshakeAsync(socket, scopes, remote, settings, logger, http.RequestAborted);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            LogHandshakeAborted(logger, remote, e.Message);
            return;
        }

        if (admission is null)
        {
            return;
        }

        using var channel = new AgentChannel(socket, admission, time.GetUtcNow(), settings.OperationTimeout, registry.Notify, logger);
        registry.Add(channel);
        LogConnected(logger, admission.AgentId, admission.Name, remote);
        try
        {
            await channel.RunAsync(http.RequestAborted);
        }
        finally
        {
            registry.Remove(channel);
            await TouchAsync(scopes, admission.AgentId, time, logger);
        }
    }

    private static async Task<AgentAdmission?> HandshakeAsync(MessageSocket socket, IServiceScopeFactory scopes, string? remote, AgentServerOptions settings, ILogger logger, CancellationToken cancellationToken)
    {
        var challenge = RandomNumberGenerator.GetBytes(AgentProof.ChallengeLength);
        await socket.SendAsync(new AgentMessage { Type = MessageTypes.Hello, Protocol = AgentJson.ProtocolVersion, Challenge = challenge }, cancellationToken);

        await using var scope = scopes.CreateAsyncScope();
        var authenticator = scope.ServiceProvider.GetRequiredService<AgentAuthenticator>();
        AgentMessage? first;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(settings.HandshakeTimeout);
            try
            {
                first = await socket.ReceiveAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Cancelling the read aborted the socket: nothing more can be said to this client.
                var timedOut = await authenticator.RefuseProtocolAsync($"No enrolment or authentication within {settings.HandshakeTimeout.TotalSeconds:0} s.", remote, cancellationToken);
                LogRefused(logger, remote, timedOut.RefusalCode!, timedOut.RefusalMessage!);
                return null;
            }
            catch (InvalidDataException e)
            {
                first = null;
                await RefuseAsync(socket, await authenticator.RefuseProtocolAsync(e.Message, remote, cancellationToken), remote, logger, cancellationToken);
                return null;
            }
        }

        if (first is null)
        {
            return null; // closed before saying anything
        }

        var outcome = first.Type switch
        {
            MessageTypes.Enrol => await authenticator.EnrolAsync(first, challenge, remote, cancellationToken),
            MessageTypes.Authenticate => await authenticator.AuthenticateAsync(first, challenge, remote, cancellationToken),
            _ => await authenticator.RefuseProtocolAsync($"Expected enrol or authenticate, got \"{first.Type}\".", remote, cancellationToken),
        };
        if (outcome.Admission is not { } admission)
        {
            await RefuseAsync(socket, outcome, remote, logger, cancellationToken);
            return null;
        }

        await socket.SendAsync(new AgentMessage { Type = MessageTypes.Welcome, AgentId = admission.AgentId, Name = admission.Name, CounterId = admission.CounterId }, cancellationToken);
        return admission;
    }

    private static async Task RefuseAsync(MessageSocket socket, HandshakeOutcome outcome, string? remote, ILogger logger, CancellationToken cancellationToken)
    {
        LogRefused(logger, remote, outcome.RefusalCode!, outcome.RefusalMessage!);
        await socket.SendAsync(new AgentMessage { Type = MessageTypes.Refused, Error = outcome.RefusalCode, Message = outcome.RefusalMessage }, cancellationToken);
        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, outcome.RefusalCode!, cancellationToken);
    }

    private static async Task TouchAsync(IServiceScopeFactory scopes, long agentId, TimeProvider time, ILogger logger)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            await db.ReaderAgents.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSeenAt, now));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ObjectDisposedException)
        {
            LogTouchFailed(logger, agentId, e.Message); // shutting down; last-seen is informative only
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reader agent {AgentId} ({Name}) connected from {Remote}")]
    private static partial void LogConnected(ILogger logger, long agentId, string name, string? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reader agent connection from {Remote} refused ({Code}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string? remote, string code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reader agent handshake from {Remote} ended early: {Reason}")]
    private static partial void LogHandshakeAborted(ILogger logger, string? remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record when reader agent {AgentId} was last seen: {Reason}")]
    private static partial void LogTouchFailed(ILogger logger, long agentId, string reason);
}
