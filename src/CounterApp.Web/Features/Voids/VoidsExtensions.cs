namespace CounterApp.Web.Features.Voids;

public static class VoidsExtensions
{
    /// <summary>R-FE-03: void and refund requests and their supervisor decisions. Needs AddCounterDatabase and AddCounterAudit.</summary>
    public static IHostApplicationBuilder AddVoids(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<RequestVoidHandler>();
        builder.Services.AddScoped<DecideVoidHandler>();
        return builder;
    }
}
