using System.Net.WebSockets;
using System.Security.Cryptography;
using CounterApp.ReaderAgent.Connection;
using CounterApp.ReaderAgent.Identity;
using CounterApp.ReaderAgent.Readers;

namespace CounterApp.ReaderAgent;

/// <summary>What the agent is doing now.</summary>
public enum AgentState
{
    Disconnected,
    Connecting,
    Connected,

    /// <summary>The server refused the agent (see <see cref="AgentRunner.LastRefusal"/>); it keeps trying at the longest delay.</summary>
    Refused,
}

/// <summary>
/// Keeps the agent connected: connect, authenticate (or enrol once with the configured code), serve, and after any
/// failure wait <see cref="Backoff"/> (doubling with jitter, reset after a successful connection) and again. A
/// refusal (revoked, unknown) is logged and retried at the longest delay, in case an administrator fixes it.
/// </summary>
public sealed partial class AgentRunner(AgentOptions options, ICardReaderSource readers, ILogger<AgentRunner> logger)
{
    private readonly Lock _gate = new();
    private AgentState _state;

    public AgentState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The code of the last refusal (<c>revoked</c>, <c>unknown-agent</c>, …), null after a successful connection.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>Connections attempted so far (successful or not).</summary>
    public int Attempts { get; private set; }

    /// <summary>The agent id once authenticated.</summary>
    public long? AgentId { get; private set; }

    public event EventHandler<AgentState>? StateChanged;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The agent must keep trying whatever happens; every failure is logged.")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var store = new AgentIdentityStore(options.StateDirectory ?? AgentOptions.DefaultStateDirectory());
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var connected = false;
            try
            {
                Attempts++;
                SetState(AgentState.Connecting);
                await using var connection = await AgentConnection.OpenAsync(options, store, options.EnrolmentCode, reEnrol: false, logger, cancellationToken);
                connected = true;
                AgentId = connection.Identity.AgentId;
                LastRefusal = null;
                LogConnected(logger, options.Server, connection.Identity.AgentId, connection.Identity.Name);
                SetState(AgentState.Connected);
                await connection.RunAsync(readers, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (AgentRefusedException e)
            {
                LastRefusal = e.Code;
                LogRefused(logger, e.Code, e.Message);
                SetState(AgentState.Refused);
                failures = 30;
                await DelayAsync(failures, cancellationToken);
                continue;
            }
            catch (Exception e) when (e is WebSocketException or IOException or TimeoutException or InvalidDataException or HttpRequestException or CryptographicException)
            {
                LogConnectionFailed(logger, options.Server, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Anything else (an unwritable state folder, a bug) is logged and retried: on Windows nothing would
                // restart a logon task's process that died.
                LogUnexpected(logger, e);
            }

            SetState(AgentState.Disconnected);
            if (connected)
            {
                failures = 0;
            }

            await DelayAsync(failures++, cancellationToken);
        }

        SetState(AgentState.Disconnected);
    }

    private async Task DelayAsync(int attempt, CancellationToken cancellationToken)
    {
        var delay = Backoff.Delay(attempt, options.ReconnectMinDelay, options.ReconnectMaxDelay, RandomNumberGenerator.GetInt32(1_000_000) / 1_000_000.0);
        LogRetry(logger, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private void SetState(AgentState state)
    {
        lock (_gate)
        {
            if (_state == state)
            {
                return;
            }

            _state = state;
        }

        StateChanged?.Invoke(this, state);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Server} as agent {AgentId} ({Name})")]
    private static partial void LogConnected(ILogger logger, Uri? server, long agentId, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused by the server ({Code}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection to {Server} failed or ended: {Reason}")]
    private static partial void LogConnectionFailed(ILogger logger, Uri? server, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure; retrying")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting in {Seconds:0.0} s")]
    private static partial void LogRetry(ILogger logger, double seconds);
}
