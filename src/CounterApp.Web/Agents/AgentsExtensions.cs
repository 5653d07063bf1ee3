using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Agents;

public static class AgentsExtensions
{
    /// <summary>
    /// Reader agents (section "Agents"): the registry of connected agents, the handshake, and the administrator's
    /// enrolment codes and revocation. Needs AddCounterDatabase and AddCounterAudit. Map the endpoint with <see cref="MapAgents"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAgents(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AgentServerOptions>()
            .Bind(builder.Configuration.GetSection(AgentServerOptions.Section))
            .Validate(o => o.IsValid, "Agents: every timeout and lifetime must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AgentRegistry>();
        builder.Services.AddScoped<AgentAuthenticator>();
        builder.Services.AddScoped<AgentAdministration>();
        return builder;
    }

    /// <summary>The agents' WebSocket endpoint, <c>/agents/connect</c> (with the WebSocket middleware it needs).</summary>
    public static WebApplication MapAgents(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        // Agents authenticate with their own key (challenge-response), not a staff cookie.
        app.Map(AgentEndpoint.Path, AgentEndpoint.HandleAsync).AllowAnonymous();

        // Agent connections are long-lived requests; without this, a graceful shutdown waits its full timeout for them.
        var registry = app.Services.GetRequiredService<AgentRegistry>();
        app.Lifetime.ApplicationStopping.Register(() => registry.CloseAll("server stopping"));
        return app;
    }
}
