using CounterApp.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Features.CardSession;

public static class CardSessionExtensions
{
    /// <summary>
    /// The card session (section "CardSession"): issuance, unlock, password change and card PIN reset on a resident
    /// card through any <see cref="Card.Connection.ISmartCardConnection"/>. Needs AddCounterDatabase, AddCounterAudit and AddPki.
    /// </summary>
    public static IHostApplicationBuilder AddCardSession(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CardSessionOptions>().Bind(builder.Configuration.GetSection(CardSessionOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IssuerMasterSecret>();
        builder.Services.AddCrashPoints(builder.Configuration);
        builder.Services.AddScoped<CardSessionService>();
        return builder;
    }
}
