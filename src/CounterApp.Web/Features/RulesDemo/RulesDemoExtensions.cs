namespace CounterApp.Web.Features.RulesDemo;

public static class RulesDemoExtensions
{
    public static IHostApplicationBuilder AddRulesDemo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CounterSettings>().Bind(builder.Configuration.GetSection(CounterSettings.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<RulesDemoService>();
        return builder;
    }
}
