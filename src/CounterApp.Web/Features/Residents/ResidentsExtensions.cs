using CounterApp.Web.Documents;
using CounterApp.Web.Features.Receipts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Features.Residents;

public static class ResidentsExtensions
{
    /// <summary>
    /// Finding a resident and their detail (/residents, /residents/{id}), and their receipts: the PDF reprint
    /// (/receipts/{id}/pdf, mapped by <see cref="ReceiptEndpoints.MapReceipts"/>) and the supervisor's day list.
    /// </summary>
    public static IHostApplicationBuilder AddResidents(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ResidentSearch>();
        builder.Services.AddScoped<ResidentDetailHandler>();
        builder.AddCounterDocuments();
        builder.Services.AddScoped<ReceiptPrintHandler>();
        builder.Services.AddScoped<ReceiptDayHandler>();
        return builder;
    }
}
