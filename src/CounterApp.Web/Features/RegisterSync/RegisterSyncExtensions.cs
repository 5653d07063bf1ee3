using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Features.RegisterSync;

public static class RegisterSyncExtensions
{
    /// <summary>The register import, the change-event applier and their options (section RegisterSync). Needs AddCounterAudit.</summary>
    public static IHostApplicationBuilder AddRegisterSync(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RegisterSyncOptions>()
            .Bind(builder.Configuration.GetSection(RegisterSyncOptions.Section))
            .Validate(o => o.MaxImportBytes > 0 && o.MaxEventBytes > 0, "RegisterSync:MaxImportBytes and MaxEventBytes must be positive.")
            .Validate(o => o.MunicipalityCode is null or { Length: 6 } && (o.MunicipalityCode ?? "000000").All(char.IsAsciiDigit), "RegisterSync:MunicipalityCode must be 6 digits (全国地方公共団体コード).")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<RegisterImport>();
        builder.Services.AddScoped<RegisterEventApplier>();
        return builder;
    }
}
