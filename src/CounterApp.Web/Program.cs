using CounterApp.Web.Agents;
using CounterApp.Web.Components;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Features.Approvals;
using CounterApp.Web.Features.CancelApplication;
using CounterApp.Web.Features.CardServices;
using CounterApp.Web.Features.CaFingerprint;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Features.CaStatus;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Features.DocumentCopies;
using CounterApp.Web.Features.InquiryLetters;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.Ledger;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Features.Receipts;
using CounterApp.Web.Features.RegisterSync;
using CounterApp.Web.Features.Residents;
using CounterApp.Web.Features.Revocation;
using CounterApp.Web.Features.RulesDemo;
using CounterApp.Web.Features.SecondVisit;
using CounterApp.Web.Features.SignIn;
using CounterApp.Web.Features.StaffAccounts;
using CounterApp.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCounterDatabase();
builder.AddCounterAudit();
builder.AddCounterIdentity();
builder.AddSignIn();
builder.AddDemoTown();
builder.AddCounterUi();
builder.AddRulesDemo();
builder.AddRegisterSync();
builder.AddDocumentCopies();
builder.AddPki();
builder.AddLedger();
builder.AddAgents();
builder.AddCardSession();
builder.AddResidents();
builder.AddCounterReaders();
builder.AddIssuance();
builder.AddRevocation();
builder.AddCardServices();
builder.AddSupervisorPages();
builder.AddInquiryLetters();
builder.AddSecondVisit();
builder.AddCancelApplication();
builder.AddApprovals();
builder.AddAdministration();
builder.AddStaffAccounts();
builder.AddCaStatus();
builder.AddCaFingerprint();
builder.UseDemoClockWhenAsked();

if (OperatorCommands.IsCommand(args))
{
    // migrate, verify-audit, …: run against the configured database without starting the web server.
    return await OperatorCommands.RunAsync(builder.Build(), args);
}

var app = builder.Build();
if (!StartupCheck.SettingsAreValid(app.Services, Console.Error))
{
    return 1;
}

if (app.Services.GetRequiredService<CrashPoints>().HoldAt is { } crashPoint)
{
    Console.Error.WriteLine($"WARNING: Faults:HoldAt={crashPoint}: card sessions stop for good at that point (crash tests only).");
}

app.UseCounterUi();
app.MapCounterHealth();
app.MapSignIn();
app.MapRegisterSync();
app.MapPki();
app.MapAgents();
app.MapReceipts();
app.MapCounterReaders();
app.MapIssuance();
app.MapSupervisorPages();
app.MapRevocation();
app.MapInquiryLetters();
app.MapRazorComponents<App>();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
