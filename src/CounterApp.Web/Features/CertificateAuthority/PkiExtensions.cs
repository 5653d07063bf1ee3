using CounterApp.Web.Applications;
using CounterApp.Web.Data.Pki;
using CounterApp.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.CertificateAuthority;

public static class PkiExtensions
{
    /// <summary>
    /// The prefectural CA (section "Pki"): opened, or created on first run, at start-up after AddCounterDatabase's
    /// migration; the CRL refresh and the revocation-request processing in the background. Needs AddCounterDatabase
    /// and AddCounterAudit, called before this. Map its URLs with <see cref="CaEndpoints.MapPki"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPki(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PkiOptions>().Bind(builder.Configuration.GetSection(PkiOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PkiOptions>, PkiOptionsValidator>();
        builder.Services.AddRealClock();
        builder.Services.AddSingleton<PkiDbContexts>();
        builder.Services.AddSingleton<PrefecturalCa>();
        builder.Services.AddScoped<RevocationProcessor>();
        builder.Services.AddCertificateRegister();
        builder.Services.AddHostedService<PkiStartup>();
        builder.Services.AddHostedService<CrlRefreshService>();
        builder.Services.AddHostedService<RevocationProcessingService>();
        return builder;
    }
}
