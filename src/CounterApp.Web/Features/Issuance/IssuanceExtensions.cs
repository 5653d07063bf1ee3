using CounterApp.Web.Documents;
using CounterApp.Web.Features.Voids;

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
        builder.Services.AddSingleton<IssuanceProgress>();
        builder.Services.AddScoped<StartApplicationHandler>();
        builder.Services.AddScoped<CheckEligibilityHandler>();
        builder.Services.AddScoped<RecordIdentityDocumentHandler>();
        builder.Services.AddScoped<ConfirmSealHandler>();
        builder.Services.AddScoped<TakeFeeHandler>();
        builder.Services.AddScoped<IssueOnCardHandler>();
        builder.Services.AddScoped<SupersedeOldCertificateHandler>();
        builder.Services.AddScoped<AbandonCardStepHandler>();
        builder.AddVoids();
        return builder;
    }
}
