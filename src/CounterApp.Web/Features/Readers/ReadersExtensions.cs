using CounterApp.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using CounterApp.Web.Features.DemoTown;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.Readers;

public static partial class ReadersExtensions
{
    /// <summary>
    /// The counters' card readers (section "Readers"): <see cref="ICounterReaders"/> is the reader agents
    /// (<see cref="AgentCounterReaders"/>) or, on the embedded default, simulated readers with virtual cards
    /// (<see cref="SimulatedCounterReaders"/>; see <see cref="ReaderOptions.Simulated"/>). Needs AddCounterDatabase,
    /// AddCounterAudit, AddAgents and AddCardSession. Map the endpoints with <see cref="MapCounterReaders"/>.
    /// </summary>
    public static IHostApplicationBuilder AddCounterReaders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReaderOptions>().Bind(builder.Configuration.GetSection(ReaderOptions.Section));
        builder.Services.AddSingleton<SimulatedCards>();
        builder.Services.AddSingleton<SimulatedCounterReaders>();
        builder.Services.AddSingleton<AgentCounterReaders>();
        builder.Services.AddSingleton<ICounterReaders>(Choose);
        builder.Services.AddScoped<SimulatedReaderHandler>();

        // The header polls the reader state every 2 s: that must not count as the clerk being active, or the idle
        // timeout (sliding cookie) would never end a session left open at the counter.
        builder.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var inner = o.Events.OnCheckSlidingExpiration;
            o.Events.OnCheckSlidingExpiration = async context =>
            {
                await inner(context);
                if (ReaderEndpoints.IsStatePoll(context.Request.Path))
                {
                    context.ShouldRenew = false;
                }
            };

            // Identity's periodic account check (Security:SessionRecheckMinutes) renews the cookie when it passes; a
            // poll is still checked (a disabled account's poll is refused) but must not renew the session either.
            var validate = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                await validate(context);
                if (ReaderEndpoints.IsStatePoll(context.Request.Path))
                {
                    context.ShouldRenew = false;
                }
            };
        });
        return builder;
    }

    /// <summary>The reader state API and the simulation panel's posts (see <see cref="ReaderEndpoints"/>); picks the readers now.</summary>
    public static WebApplication MapCounterReaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<ICounterReaders>();
        ReaderEndpoints.Map(app);
        return app;
    }

    private static ICounterReaders Choose(IServiceProvider services)
    {
        var simulated = ReaderOptions.IsSimulated(
            services.GetRequiredService<IOptions<ReaderOptions>>().Value,
            services.GetRequiredService<IOptions<DemoTownOptions>>().Value,
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReadersExtensions).FullName!);
        if (!simulated)
        {
            LogAgents(logger);
            return services.GetRequiredService<AgentCounterReaders>();
        }

        var readers = services.GetRequiredService<SimulatedCounterReaders>();
        LogSimulated(logger, readers.Cards.Folder, SimulatedCards.DemoCardPin);
        return readers;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counter card readers: the reader agents on the counter PCs")]
    private static partial void LogAgents(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counter card readers are SIMULATED (Readers:Simulated): virtual cards in {Folder}, demo card PIN {DemoPin}; never use this for real residents")]
    private static partial void LogSimulated(ILogger logger, string folder, string demoPin);
}
