using CounterApp.ReaderAgent.Connection;
using CounterApp.ReaderAgent.Identity;
using Microsoft.Extensions.Options;

namespace CounterApp.ReaderAgent;

/// <summary>
/// <c>CounterApp.ReaderAgent enrol --server wss://…/agents/connect --code XXXX-… [--state DIR]</c>: enrols once with
/// the administrator's one-time code, stores the credential and exits (0 enrolled, 1 refused or failed, 2 usage).
/// The install scripts run it before starting the service.
/// </summary>
internal static class EnrolCommand
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--server"] = "Agent:Server",
        ["--code"] = "Agent:EnrolmentCode",
        ["--state"] = "Agent:StateDirectory",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddCommandLine(args, Switches);
        builder.AddReaderAgent();
        using var host = builder.Build();
        AgentOptions options;
        try
        {
            options = host.Services.GetRequiredService<IOptions<AgentOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"enrol: {e.Message}");
            return 2;
        }

        if (string.IsNullOrWhiteSpace(options.EnrolmentCode))
        {
            await Console.Error.WriteLineAsync("usage: CounterApp.ReaderAgent enrol --server wss://<server>/agents/connect --code <enrolment code> [--state <folder>]");
            return 2;
        }

        var store = new AgentIdentityStore(options.StateDirectory!);
        if (store.Exists)
        {
            await Console.Error.WriteLineAsync($"enrol: {store.Folder} already holds a credential; it is replaced if the server accepts the code.");
        }

        var logger = host.Services.GetRequiredService<ILogger<AgentRunner>>();
        try
        {
            await using var connection = await AgentConnection.OpenAsync(options, store, options.EnrolmentCode, reEnrol: true, logger, CancellationToken.None);
            await Console.Out.WriteLineAsync($"enrolled: agent {connection.Identity.AgentId} ({connection.Identity.Name}); credential in {store.Folder}");
            return 0;
        }
        catch (AgentRefusedException e)
        {
            await Console.Error.WriteLineAsync($"enrol: refused ({e.Code}): {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or IOException or TimeoutException or InvalidDataException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"enrol: {e.Message}");
            return 1;
        }
    }
}
