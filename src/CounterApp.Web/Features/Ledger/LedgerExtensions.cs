using CounterApp.Web.Documents;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Features.Ledger;

public static class LedgerExtensions
{
    /// <summary>
    /// The daily fee ledger (R-FE-04): reading a day or month, the supervisor's close, adjustments, prints; and the PDF
    /// documents it prints with (<see cref="DocumentsExtensions.AddCounterDocuments"/>). The audit trail comes from AddCounterAudit.
    /// </summary>
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCounterDocuments();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<LedgerReader>();
        builder.Services.AddScoped<CloseLedgerDayHandler>();
        builder.Services.AddScoped<RecordLedgerAdjustmentHandler>();
        builder.Services.AddScoped<LedgerPrintHandler>();
        return builder;
    }
}
