using System.Net;

namespace CounterApp.Web.Hosting;

/// <summary>
/// Section "Transport": how requests reach the app in production. Either Kestrel serves HTTPS itself (a certificate
/// from the standard Kestrel settings, e.g. Kestrel:Certificates:Default:Path), or a reverse proxy terminates TLS and
/// forwards X-Forwarded-Proto/X-Forwarded-For, which the app believes only from the proxies listed here.
/// </summary>
public sealed class TransportOptions
{
    public const string Section = "Transport";

    /// <summary>Comma-separated IP addresses of the reverse proxies whose X-Forwarded-* headers are believed. Empty: none.</summary>
    public string KnownProxies { get; set; } = string.Empty;

    /// <summary>Comma-separated networks (CIDR, e.g. 10.0.5.0/24) of such proxies. Empty: none.</summary>
    public string KnownNetworks { get; set; } = string.Empty;

    /// <summary>
    /// When set, a plain-HTTP request is redirected (308) to HTTPS on this port, except the CA's certificate, CRL and
    /// OCSP, which relying parties fetch over plain HTTP. Unset (the demo): nothing is redirected.
    /// </summary>
    public int? RedirectToHttpsPort { get; set; }

    /// <summary>Strict-Transport-Security max-age sent on HTTPS responses.</summary>
    public int HstsMaxAgeDays { get; set; } = 365;

    public IReadOnlyList<string> KnownProxyList() => Split(KnownProxies);

    public IReadOnlyList<string> KnownNetworkList() => Split(KnownNetworks);

    /// <summary>What is wrong with these settings, each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var proxy in KnownProxyList())
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                problems.Add($"{Section}:{nameof(KnownProxies)}: '{proxy}' is not an IP address.");
            }
        }

        foreach (var network in KnownNetworkList())
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                problems.Add($"{Section}:{nameof(KnownNetworks)}: '{network}' is not a network in CIDR form (e.g. 10.0.5.0/24).");
            }
        }

        if (RedirectToHttpsPort is < 1 or > 65535)
        {
            problems.Add($"{Section}:{nameof(RedirectToHttpsPort)}: {RedirectToHttpsPort} is not a TCP port (1-65535).");
        }

        if (HstsMaxAgeDays < 0)
        {
            problems.Add($"{Section}:{nameof(HstsMaxAgeDays)} must not be negative.");
        }

        return problems;
    }

    private static string[] Split(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
