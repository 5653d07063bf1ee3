using CounterApp.Web.Documents;
using CounterApp.Web.Features.Voids;
using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Issuance;

public static class IssuanceExtensions
{
    /// <summary>
    /// Same-day new issuance and renewal (issue 7): the step handlers, the live card progress, and voids (R-FE-03).
    /// Needs AddCounterDatabase, AddCounterAudit, AddDocumentCopies, AddPki and AddCardSession.
    /// </summary>
    public static IHostApplicationBuilder AddIssuance(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCounterDocuments();
        builder.Services.AddCrashPoints(builder.Configuration);
        builder.Services.AddSingleton<IssuanceProgress>();
        builder.Services.AddScoped<StartApplicationHandler>();
        builder.Services.AddScoped<CheckEligibilityHandler>();
        builder.Services.AddScoped<RecordIdentityDocumentHandler>();
        builder.Services.AddScoped<ConfirmSealHandler>();
        builder.Services.AddScoped<TakeFeeHandler>();
        builder.Services.AddScoped<IssueOnCardHandler>();
        builder.Services.AddScoped<SupersedeOldCertificateHandler>();
        builder.Services.AddScoped<AbandonCardStepHandler>();
        builder.Services.AddScoped<ApplicationFormPrintHandler>();
        builder.Services.AddScoped<InterruptedIssuance>();
        builder.Services.AddOptions<IssuanceOptions>().Bind(builder.Configuration.GetSection(IssuanceOptions.Section))
            .Validate(o => o.RecoveryInterval > TimeSpan.Zero && o.RecoveryInterval <= TimeSpan.FromMinutes(1),
                "Issuance:RecoveryInterval must be more than zero and at most one minute (R-CE-09).")
            .ValidateOnStart();
        builder.Services.AddSingleton<IssuanceRecoveryService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IssuanceRecoveryService>());
        builder.AddVoids();
        return builder;
    }
}
