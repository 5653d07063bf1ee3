namespace CounterApp.Web.Features.Approvals;

public static class ApprovalsExtensions
{
    /// <summary>R-HR-03 / R-ID-02: override requests and their supervisor decisions. Needs AddCounterDatabase and AddCounterAudit.</summary>
    public static IHostApplicationBuilder AddApprovals(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<RequestOverrideHandler>();
        builder.Services.AddScoped<DecideOverrideHandler>();
        return builder;
    }
}
