namespace CounterApp.Web.Features.CaStatus;

public static class CaStatusExtensions
{
    /// <summary>The administrator's CA status page (/admin/ca). Needs AddCounterDatabase and AddPki.</summary>
    public static IHostApplicationBuilder AddCaStatus(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CaStatusHandler>();
        return builder;
    }
}
