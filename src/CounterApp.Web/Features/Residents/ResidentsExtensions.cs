using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Features.Residents;

public static class ResidentsExtensions
{
    /// <summary>Finding a resident and their detail: the handlers behind /residents and /residents/{id}.</summary>
    public static IHostApplicationBuilder AddResidents(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ResidentSearch>();
        builder.Services.AddScoped<ResidentDetailHandler>();
        return builder;
    }
}
