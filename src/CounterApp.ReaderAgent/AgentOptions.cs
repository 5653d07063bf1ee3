using System.Net;

namespace CounterApp.ReaderAgent;

/// <summary>Section "Agent" (environment: <c>Agent__Server</c>, …; command line: <c>--Agent:Server=…</c>).</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>The server's agent endpoint, e.g. <c>wss://townhall.example/agents/connect</c>. Plain <c>ws</c> only to loopback (tests).</summary>
    public Uri? Server { get; set; }

    /// <summary>
    /// Where the credential lives. Default: systemd's <c>$STATE_DIRECTORY</c>; on Windows
    /// <c>%LOCALAPPDATA%\CounterApp\ReaderAgent</c>; otherwise <c>~/.local/state/counterapp-agent</c>.
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>A one-time enrolment code from the administrator; used only while the agent has no credential.</summary>
    public string? EnrolmentCode { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one card operation may take before it is answered "timeout" (RSA key generation on a slow card takes tens of seconds).</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>WebSocket ping interval; a peer silent for <see cref="KeepAliveTimeout"/> more is considered gone.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Safety net for reader change notifications.</summary>
    public TimeSpan ReaderPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public static string DefaultStateDirectory()
    {
        if (Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } systemd)
        {
            return systemd.Split(':')[0];
        }

        return OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "CounterApp", "ReaderAgent")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "counterapp-agent");
    }

    /// <summary>The configuration problems, empty when the options are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Server is null)
        {
            problems.Add("Agent:Server is required (wss://<server>/agents/connect).");
        }
        else if (!Server.IsAbsoluteUri || !(Server.Scheme == "wss" || (Server.Scheme == "ws" && IsLoopback(Server))))
        {
            problems.Add("Agent:Server must be a wss:// URL (ws:// is allowed to a loopback address only).");
        }

        if (new[] { ConnectTimeout, OperationTimeout, ReconnectMinDelay, KeepAliveInterval, KeepAliveTimeout, ReaderPollInterval }.Any(t => t <= TimeSpan.Zero))
        {
            problems.Add("Agent timeouts and delays must be positive.");
        }

        if (ReconnectMaxDelay < ReconnectMinDelay)
        {
            problems.Add("Agent:ReconnectMaxDelay must not be below Agent:ReconnectMinDelay.");
        }

        return problems;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
