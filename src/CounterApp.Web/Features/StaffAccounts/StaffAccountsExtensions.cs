namespace CounterApp.Web.Features.StaffAccounts;

public static class StaffAccountsExtensions
{
    /// <summary>Staff accounts administration (/admin/staff). Needs AddCounterDatabase, AddCounterAudit and AddCounterIdentity.</summary>
    public static IHostApplicationBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<StaffAccountsHandler>();
        return builder;
    }
}
