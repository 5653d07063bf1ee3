using CounterApp.ReaderAgent.Readers;
using Microsoft.Extensions.Options;

namespace CounterApp.ReaderAgent;

public static class AgentHostExtensions
{
    /// <summary>The agent's options (section "Agent", validated at start), PC/SC readers, and the worker that keeps it connected.</summary>
    public static IHostApplicationBuilder AddReaderAgent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AgentOptions>()
            .Bind(builder.Configuration.GetSection(AgentOptions.Section))
            .PostConfigure(o => o.StateDirectory ??= AgentOptions.DefaultStateDirectory())
            .Validate(o => o.Problems().Count == 0, "Agent options are invalid: Agent:Server must be wss://…/agents/connect (ws:// only to loopback) and timeouts positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ICardReaderSource>(sp => new PcscReaderSource(sp.GetRequiredService<IOptions<AgentOptions>>().Value.ReaderPollInterval));
        builder.Services.AddSingleton(sp => new AgentRunner(sp.GetRequiredService<IOptions<AgentOptions>>().Value, sp.GetRequiredService<ICardReaderSource>(), sp.GetRequiredService<ILogger<AgentRunner>>()));
        builder.Services.AddHostedService<AgentWorker>();
        return builder;
    }
}

/// <summary>Runs the <see cref="AgentRunner"/> for the host's lifetime (systemd service, Windows logon task).</summary>
internal sealed class AgentWorker(AgentRunner runner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runner.RunAsync(stoppingToken);
}
