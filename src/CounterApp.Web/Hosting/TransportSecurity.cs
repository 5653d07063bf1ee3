using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Hosting;

/// <summary>
/// HTTPS in production (see <see cref="TransportOptions"/> and deploy/README.md): X-Forwarded-* believed only from the
/// configured proxies (never from everyone, not even loopback unless listed), HSTS on HTTPS responses, every cookie
/// Secure when the request came over HTTPS, and optionally plain HTTP redirected to HTTPS.
/// </summary>
public static class TransportSecurity
{
    /// <summary>Endpoint metadata: answered over plain HTTP even when HTTPS redirection is on (the CA's publications).</summary>
    public static readonly object PlainHttpAllowed = new PlainHttpAllowedMetadata();

    public static IHostApplicationBuilder AddTransportSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TransportOptions>()
            .Bind(builder.Configuration.GetSection(TransportOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TransportOptions>, TransportValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TransportOptions>>((forwarded, transport) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what the operator lists is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in transport.Value.KnownProxyList())
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
            }

            foreach (var network in transport.Value.KnownNetworkList())
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    forwarded.KnownIPNetworks.Add(parsed);
                }
            }
        });
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<TransportOptions>>((hsts, transport) =>
            hsts.MaxAge = TimeSpan.FromDays(transport.Value.HstsMaxAgeDays));
        // Auth, antiforgery, culture and two-factor cookies alike: Secure whenever the request came over HTTPS.
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>Before everything else: the scheme and client address must be right before anything reads them.</summary>
    public static IApplicationBuilder UseForwardedProxyHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseForwardedHeaders();
    }

    /// <summary>HSTS (HTTPS only; never for localhost), the optional redirect to HTTPS, Secure cookies.</summary>
    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app, bool development)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!development)
        {
            app.UseHsts();
        }

        if (app.ApplicationServices.GetRequiredService<IOptions<TransportOptions>>().Value.RedirectToHttpsPort is { } port)
        {
            app.Use((context, next) =>
            {
                if (context.Request.IsHttps || context.GetEndpoint()?.Metadata.GetMetadata<PlainHttpAllowedMetadata>() is not null)
                {
                    return next(context);
                }

                var request = context.Request;
                var host = port == 443 ? new HostString(request.Host.Host) : new HostString(request.Host.Host, port);
                context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = $"https://{host}{request.PathBase}{request.Path}{request.QueryString}";
                return Task.CompletedTask;
            });
        }

        return app.UseCookiePolicy();
    }

    private sealed class PlainHttpAllowedMetadata;

    private sealed class TransportValidator : IValidateOptions<TransportOptions>
    {
        public ValidateOptionsResult Validate(string? name, TransportOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var problems = options.Problems();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
