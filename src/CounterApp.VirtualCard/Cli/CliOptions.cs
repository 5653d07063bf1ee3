using CounterApp.VirtualCard.State;

namespace CounterApp.VirtualCard.Cli;

/// <summary>"--name value" pairs after the command word; every option takes a value.</summary>
internal sealed class CliOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private CliOptions()
    {
    }

    public static CliOptions Parse(IReadOnlyList<string> args, IReadOnlySet<string> allowed)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !allowed.Contains(name[2..]))
            {
                throw new CliUsageException($"unknown option '{name}'");
            }

            if (i + 1 >= args.Count)
            {
                throw new CliUsageException($"option '{name}' needs a value");
            }

            options._values[name[2..]] = args[i + 1];
        }

        return options;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new CliUsageException($"--{name} is required");

    public CardStore Store() => new(Get("store") ?? "cards");

    public int Port()
    {
        var text = Get("port");
        if (text is null)
        {
            return Vpcd.VpcdClient.DefaultPort;
        }

        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new CliUsageException("--port is a TCP port number");
    }
}

internal sealed class CliUsageException(string message) : Exception(message);
