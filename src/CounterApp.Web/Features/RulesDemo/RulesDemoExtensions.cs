namespace CounterApp.Web.Features.RulesDemo;

public static class RulesDemoExtensions
{
    public static IHostApplicationBuilder AddRulesDemo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CounterSettings>()
            .Bind(builder.Configuration.GetSection(CounterSettings.Section))
            .Validate(s => s.InquiryLetterValidDays >= 1, "Counter:InquiryLetterValidDays must be at least 1.")
            .Validate(s => s.IssuanceFee > 0 && s.RenewalFee > 0 && s.ResidentCardFee > 0, "Counter:IssuanceFee, RenewalFee and ResidentCardFee must be positive (yen).")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DemoTown>();
        builder.Services.AddScoped<RulesDemoService>();
        return builder;
    }
}
