using CounterApp.Web.Components;
using CounterApp.Web.Data;
using CounterApp.Web.Features.RulesDemo;
using CounterApp.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCounterDatabase();
builder.AddCounterUi();
builder.AddRulesDemo();

var app = builder.Build();
app.UseCounterUi();
app.MapCounterHealth();
app.MapRazorComponents<App>();
await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
