namespace CounterApp.Web.Features.SecondVisit;

public static class SecondVisitExtensions
{
    /// <summary>The second visit of the two-visit flow (R-VI-02/04, R-PX-02). Needs AddIssuance and AddInquiryLetters.</summary>
    public static IHostApplicationBuilder AddSecondVisit(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SecondVisitLookup>();
        builder.Services.AddScoped<ConfirmSecondVisitHandler>();
        return builder;
    }
}
