namespace CounterApp.Web.Features.CaFingerprint;

public static class CaFingerprintExtensions
{
    /// <summary>The counter's CA fingerprint page (/ca/fingerprint). Needs AddCounterDatabase, AddCounterAudit and AddPki.</summary>
    public static IHostApplicationBuilder AddCaFingerprint(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CompareFingerprintHandler>();
        return builder;
    }
}
