using System.Security.Cryptography;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Residents;
using CounterApp.VirtualCard;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Data.Pki;
using CounterApp.Web.Data.Receipts;
using CounterApp.Web.Data.Seed;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Features.DocumentCopies;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.RulesDemo;
using CounterApp.Web.Features.Voids;
using CounterApp.Web.Hosting;
using CounterApp.Web.Tests.Features.Ledger;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>
/// The demo town on a fresh database of either provider, with the real CA, card session, document-copy store and the
/// issuance handlers wired as the app wires them; the clock stands at Tuesday 2026-11-24 10:00 in Tokyo.
/// </summary>
internal sealed class IssuanceKit : IAsyncDisposable
{
    public const string Clerk = "clerk";
    public const string Supervisor = "supervisor";
    public const string Pin = "7395";
    public const string Password = "ZQ7XK2M9";

    /// <summary>A PNG scan of the identity document (signature + bytes).</summary>
    public static readonly byte[] Scan = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "IHDR 運転免許証の写し"u8];

    private IssuanceKit(TestDatabase database, ServiceProvider services, MovableClock clock, int officeId, int counterId)
    {
        Database = database;
        Services = services;
        Clock = clock;
        OfficeId = officeId;
        CounterId = counterId;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public MovableClock Clock { get; }

    public int OfficeId { get; }

    public int CounterId { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.Now.ToOffset(TimeSpan.FromHours(9)).DateTime);

    public PrefecturalCa Ca => Services.GetRequiredService<PrefecturalCa>();

    public IssuanceProgress Progress => Services.GetRequiredService<IssuanceProgress>();

    public static async Task<IssuanceKit> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var clock = new MovableClock(CounterAppFactory.Now);
        Directory.CreateDirectory(database.Options.DataDirectory);
        var secretFile = Path.Combine(database.Options.DataDirectory, "issuer-secret");
        await File.WriteAllBytesAsync(secretFile, RandomNumberGenerator.GetBytes(32));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(secretFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddRealClock();
        services.AddDbContext<CounterDbContext>(db => DatabaseExtensions.Configure(db, database.Options));
        services.AddIdentityCore<StaffUser>(o => o.Password.RequiredLength = 12).AddRoles<IdentityRole>().AddEntityFrameworkStores<CounterDbContext>();
        services.AddSingleton(Options.Create(database.Options));
        services.AddScoped(sp => new ReferenceDataSeeder(sp.GetRequiredService<CounterDbContext>(), database.Options));
        services.AddScoped<DemoTownSeeder>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ReceiptBook>();
        services.AddSingleton(Options.Create(new PkiOptions { KeyPassphrase = "issuance-kit-passphrase" }));
        services.AddSingleton<PkiDbContexts>();
        services.AddSingleton<PrefecturalCa>();
        CounterApp.Web.Applications.CertificateRegisterExtensions.AddCertificateRegister(services);
        services.AddSingleton(Options.Create(new CardSessionOptions { IssuerMasterSecretFile = secretFile }));
        services.AddSingleton<IssuerMasterSecret>();
        services.AddSingleton<CrashPoints>();
        services.AddScoped<CardSessionService>();
        services.AddSingleton(Options.Create(new DocumentCopyOptions()));
        services.AddSingleton<DocumentCopyKeyRing>();
        services.AddScoped<DocumentCopyStore>();
        services.AddSingleton(Options.Create(new CounterSettings()));
        services.AddSingleton<IssuanceProgress>();
        services.AddScoped<StartApplicationHandler>();
        services.AddScoped<CheckEligibilityHandler>();
        services.AddScoped<RecordIdentityDocumentHandler>();
        services.AddScoped<ConfirmSealHandler>();
        services.AddScoped<TakeFeeHandler>();
        services.AddScoped<IssueOnCardHandler>();
        services.AddScoped<SupersedeOldCertificateHandler>();
        services.AddScoped<InterruptedIssuance>();
        services.AddScoped<AbandonCardStepHandler>();
        services.AddScoped<RequestVoidHandler>();
        services.AddScoped<DecideVoidHandler>();
        var provider_ = services.BuildServiceProvider();

        await using (var scope = provider_.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync();
        }

        provider_.GetRequiredService<PrefecturalCa>().Open();
        await using var db = database.NewContext();
        var office = await db.Offices.Include(o => o.Counters).SingleAsync(o => o.Code == DemoTownSeeder.OfficeCode);
        return new IssuanceKit(database, provider_, clock, office.Id, office.Counters[0].Id);
    }

    /// <summary>Runs <paramref name="run"/> with a handler from a fresh scope (one request).</summary>
    public async Task<TResult> WithAsync<THandler, TResult>(Func<THandler, Task<TResult>> run)
        where THandler : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    public CounterDbContext NewContext() => Database.NewContext();

    public async Task<long> ResidentIdAsync(string residentCode)
    {
        await using var db = NewContext();
        return await db.Residents.Where(r => r.ResidentCode == residentCode).Select(r => r.Id).SingleAsync();
    }

    /// <summary>
    /// A fresh in-memory card for the resident: its chip carries the serial the register records for the resident's
    /// active card (R-CA-04), so the card step takes it as theirs.
    /// </summary>
    public VirtualResidentCard NewCard(string residentCode, string pin = Pin)
    {
        string serial;
        using (var db = NewContext())
        {
            serial = db.ResidentCards.Where(c => c.Resident!.ResidentCode == residentCode && c.Status == CardStatus.Active)
                .Select(c => c.ChipSerial).Single() ?? throw new InvalidOperationException($"Resident {residentCode}'s card has no chip serial.");
        }

        return NewCardWithSerial(serial, pin);
    }

    /// <summary>A fresh in-memory card with a random chip serial: a card the register does not know (R-CA-04).</summary>
    public VirtualResidentCard NewUnknownCard(string pin = Pin) => NewCardWithSerial(null, pin);

    /// <summary>A fresh in-memory card whose chip has <paramref name="serial"/> (random when null).</summary>
    public VirtualResidentCard NewCardWithSerial(string? serial, string pin = Pin)
    {
        var secret = Services.GetRequiredService<IssuerMasterSecret>().Read();
        try
        {
            return VirtualResidentCard.CreateInMemory(secret, System.Text.Encoding.ASCII.GetBytes(pin), serial);
        }
        finally
        {
            Array.Clear(secret);
        }
    }

    public Task<IssuanceResult> StartAsync(string residentCode, Procedure procedure = Procedure.NewIssuance, ApplicantKind applicant = ApplicantKind.InPerson) =>
        StartByIdAsync(residentCode, procedure, applicant);

    public Task<IssuanceResult> EligibilityAsync(Guid id) =>
        WithAsync<CheckEligibilityHandler, IssuanceResult>(h => h.HandleAsync(new CheckEligibility(id, Clerk, CounterId)));

    public Task<IssuanceResult> DocumentAsync(Guid id, string type = "driver-licence", DateOnly? expiresOn = null, bool addressMatches = true, byte[]? copy = null, string contentType = "image/png") =>
        WithAsync<RecordIdentityDocumentHandler, IssuanceResult>(h => h.HandleAsync(new RecordIdentityDocument(
            id, type, Today.AddYears(-2), expiresOn ?? Today.AddYears(1), addressMatches, contentType, copy ?? Scan, Clerk, CounterId)));

    public Task<IssuanceResult> SealAsync(Guid id, bool confirmed = true) =>
        WithAsync<ConfirmSealHandler, IssuanceResult>(h => h.HandleAsync(new ConfirmSeal(id, confirmed, Clerk, CounterId)));

    public Task<IssuanceResult> FeeAsync(Guid id) =>
        WithAsync<TakeFeeHandler, IssuanceResult>(h => h.HandleAsync(new TakeFee(id, Clerk, CounterId)));

    public Task<IssuanceResult> CardAsync(Guid id, Card.Connection.ISmartCardConnection connection, string pin = Pin, string password = Password, string? confirmation = null) =>
        WithAsync<IssueOnCardHandler, IssuanceResult>(h => h.HandleAsync(
            new IssueOnCard(id, Clerk, CounterId), connection, pin.ToCharArray(), password.ToCharArray(), (confirmation ?? password).ToCharArray()));

    /// <summary>Start, eligibility, document, seal and fee: the application waits at the card step.</summary>
    public async Task<Guid> PaidAsync(string residentCode, Procedure procedure = Procedure.NewIssuance, string documentType = "driver-licence")
    {
        var id = (await StartAsync(residentCode, procedure)).ApplicationId!.Value;
        Require(await EligibilityAsync(id));
        Require(await DocumentAsync(id, documentType));
        Require(await SealAsync(id));
        Require(await FeeAsync(id));
        return id;
    }

    public async Task<ApplicationRecord> ApplicationAsync(Guid id)
    {
        await using var db = NewContext();
        return await db.Applications.AsNoTracking().Include(a => a.History).Include(a => a.Documents).SingleAsync(a => a.Id == id);
    }

    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = NewContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    public static void Require(IssuanceResult result) =>
        Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message} {string.Join(" / ", result.BrokenRules.Select(b => $"{b.RuleId} {b.Field} {b.Message}"))}");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task<IssuanceResult> StartByIdAsync(string residentCode, Procedure procedure, ApplicantKind applicant)
    {
        var residentId = await ResidentIdAsync(residentCode);
        return await WithAsync<StartApplicationHandler, IssuanceResult>(h => h.HandleAsync(new StartApplication(residentId, procedure, applicant, Clerk, OfficeId, CounterId)));
    }
}
