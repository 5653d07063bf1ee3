using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Features.DocumentCopies;

public static class DocumentCopiesExtensions
{
    /// <summary>
    /// R-ID-04: the document-copy store, its key (checked at start-up, after AddCounterDatabase's migration) and the
    /// daily purge. Needs AddCounterDatabase and AddCounterAudit, called before this.
    /// </summary>
    public static IHostApplicationBuilder AddDocumentCopies(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DocumentCopyOptions>()
            .Bind(builder.Configuration.GetSection(DocumentCopyOptions.Section))
            .Validate(o => o.MaxBytes > 0, "DocumentCopies:MaxBytes must be positive.")
            .Validate(o => o.RetentionDays >= 1, "DocumentCopies:RetentionDays must be at least 1.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DocumentCopyKeyRing>();
        builder.Services.AddScoped<DocumentCopyStore>();
        builder.Services.AddScoped<DocumentCopyPurge>();
        builder.Services.AddHostedService<DocumentCopyKeyCheck>();
        builder.Services.AddHostedService<DocumentCopyPurgeService>();
        return builder;
    }
}
