using CounterApp.ReaderAgent.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace CounterApp.ReaderAgent.Tests.Support;

/// <summary>An agent running in this process against the test server, with its own state folder and in-process readers.</summary>
public sealed class TestAgent : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public TestAgent(Uri server, string? enrolmentCode = null, params string[] readers)
    {
        Readers = new VirtualReaders(readers.Length == 0 ? ["Reader A"] : readers);
        Options = new AgentOptions
        {
            Server = server,
            StateDirectory = Path.Combine(Path.GetTempPath(), "counterapp-agent-tests", "agent-" + Guid.NewGuid().ToString("N")),
            EnrolmentCode = enrolmentCode,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            OperationTimeout = TimeSpan.FromSeconds(15),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(2),
            KeepAliveInterval = TimeSpan.FromSeconds(1),
            KeepAliveTimeout = TimeSpan.FromSeconds(2),
        };
        Runner = new AgentRunner(Options, Readers, NullLogger<AgentRunner>.Instance);
    }

    public AgentOptions Options { get; }

    public VirtualReaders Readers { get; }

    public AgentRunner Runner { get; }

    public AgentIdentityStore Store => new(Options.StateDirectory!);

    public void Start() => _running = Runner.RunAsync(_stop.Token);

    /// <summary>Waits until the runner is in <paramref name="state"/>.</summary>
    public Task WaitForAsync(AgentState state, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => Runner.State == state, $"agent state {state} (now {Runner.State}, last refusal {Runner.LastRefusal})", timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }

        _stop.Dispose();
        Readers.Dispose();
        if (Directory.Exists(Options.StateDirectory))
        {
            Directory.Delete(Options.StateDirectory, recursive: true);
        }
    }
}

internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
