using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>
/// R-CE-08 at the start of a procedure: one open application per resident and procedure (a second start, a double
/// submit or ten parallel ones open the open application; the database's partial unique index refuses a second open
/// row), and no new issuance while the resident holds a valid certificate.
/// </summary>
[Trait("Rule", "R-CE-08")]
public sealed class OneOpenApplicationTests(PostgresServer postgres)
{
    private const string NoCertificate = "16322800001";
    private const string InRenewalWindow = "16322800007";
    private const string OutsideRenewalWindow = "16322800008";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Start_WhenTenStartsRaceForOneResident_MakesExactlyOneApplication(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var residentId = await kit.ResidentIdAsync(NoCertificate);
        using var go = new ManualResetEventSlim(false);

        // Ten requests, each its own scope (DbContext, connection), released together.
        var starts = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            go.Wait(TimeSpan.FromSeconds(30));
            return await kit.StartAsync(NoCertificate);
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(starts);

        Assert.All(results, IssuanceKit.Require);
        var id = Assert.Single(results.Select(r => r.ApplicationId).Distinct());
        Assert.Equal(9, results.Count(r => r.OpenedExisting));
        await using var db = kit.NewContext();
        Assert.Equal([id!.Value], await db.Applications.Where(a => a.ResidentId == residentId).Select(a => a.Id).ToListAsync());
        Assert.Single(await db.AuditEntries.Where(a => a.Action == StartApplicationHandler.AuditAction).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Start_WhenSubmittedTwice_OpensTheOpenApplicationWithTheClerksMessage(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);

        var first = await kit.StartAsync(NoCertificate);
        var second = await kit.StartAsync(NoCertificate, applicant: ApplicantKind.Proxy);

        IssuanceKit.Require(second);
        Assert.False(first.OpenedExisting);
        Assert.True(second.OpenedExisting);
        Assert.Equal(first.ApplicationId, second.ApplicationId);
        Assert.Contains("R-CE-08", second.Message, StringComparison.Ordinal);
        Assert.Contains("その申請を開きました", second.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicantKind.InPerson, (await kit.ApplicationAsync(first.ApplicationId!.Value)).Applicant);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Start_WhenTheOpenOneIsClosedOrTheProcedureDiffers_ReceivesANewApplication(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var renewal = await kit.StartAsync(InRenewalWindow, Procedure.Renewal);
        var refused = (await kit.StartAsync("16322800003")).ApplicationId!.Value; // under 15: eligibility refuses and closes it
        Assert.Equal(IssuanceOutcome.Refused, (await kit.EligibilityAsync(refused)).Outcome);

        var again = await kit.StartAsync("16322800003");
        var newIssuanceForOther = await kit.StartAsync(NoCertificate);
        var renewalForOther = await kit.StartAsync(NoCertificate, Procedure.Renewal);

        IssuanceKit.Require(renewal);
        Assert.False(again.OpenedExisting);
        Assert.NotEqual(refused, again.ApplicationId);
        Assert.False(renewalForOther.OpenedExisting);
        Assert.NotEqual(newIssuanceForOther.ApplicationId, renewalForOther.ApplicationId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Database_WhenASecondOpenApplicationIsInsertedDirectly_RefusesItButNotAClosedOne(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var first = (await kit.StartAsync(NoCertificate)).ApplicationId!.Value;
        var residentId = await kit.ResidentIdAsync(NoCertificate);

        await using (var db = kit.NewContext())
        {
            db.Applications.Add(Row(kit, residentId, ApplicationState.Received));
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Contains("unique", refused.InnerException!.Message, StringComparison.OrdinalIgnoreCase);
        }

        await using (var db = kit.NewContext())
        {
            // A new open state (here: any state outside the closed four) counts as open; a closed one does not.
            db.Applications.Add(Row(kit, residentId, ApplicationState.Cancelled));
            db.Applications.Add(Row(kit, residentId, ApplicationState.Completed));
            await db.SaveChangesAsync();
            db.Applications.Add(Row(kit, residentId, ApplicationState.KeyGenerated));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var read = kit.NewContext();
        Assert.Equal(1, await read.Applications.CountAsync(a => a.ResidentId == residentId && a.State == ApplicationState.Received && a.Id == first));
    }

    [Fact]
    public async Task Start_WhenAnotherStartCommitsBetweenTheCheckAndTheInsert_OpensTheWinnerInsteadOfFailing()
    {
        // PostgreSQL only: there two transactions really interleave (SQLite takes its write lock at BEGIN, so a start's
        // check and insert can never be separated there; the ten-start test covers it on both).
        await using var kit = await IssuanceKit.CreateAsync(DatabaseProvider.Postgres, postgres);
        var residentId = await kit.ResidentIdAsync(NoCertificate);
        var competitor = new CompetingStart(kit, residentId);
        var builder = new DbContextOptionsBuilder<CounterDbContext>();
        DatabaseExtensions.Configure(builder, kit.Database.Options);
        builder.AddInterceptors(competitor);
        await using var db = new CounterDbContext(builder.Options);
        var handler = new StartApplicationHandler(db, TestRegister.Statuses(db), new AuditTrail(db, kit.Clock), kit.Clock);

        var result = await handler.HandleAsync(new StartApplication(residentId, Procedure.NewIssuance, ApplicantKind.InPerson, IssuanceKit.Clerk, kit.OfficeId, kit.CounterId));

        Assert.True(competitor.Fired);
        IssuanceKit.Require(result);
        Assert.True(result.OpenedExisting);
        Assert.Equal(competitor.Id, result.ApplicationId);
        await using var read = kit.NewContext();
        Assert.Equal([competitor.Id], await read.Applications.Where(a => a.ResidentId == residentId).Select(a => a.Id).ToListAsync());
        Assert.DoesNotContain(await read.AuditEntries.ToListAsync(), a => a.Action == StartApplicationHandler.AuditAction);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-04")]
    public async Task Start_WhenNewIssuanceAndAValidCertificateInItsRenewalWindow_IsRefusedPointingToRenewal(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var residentId = await kit.ResidentIdAsync(InRenewalWindow);

        var result = await kit.StartAsync(InRenewalWindow);

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Null(result.ApplicationId);
        var broken = Assert.Single(result.BrokenRules);
        Assert.Equal(("R-CE-08", "certificate"), (broken.RuleId, broken.Field));
        Assert.Contains("3A0F1C55D2E4B6A8", broken.Message, StringComparison.Ordinal);
        Assert.Contains("更新の手続き", broken.Message, StringComparison.Ordinal);
        await using var db = kit.NewContext();
        Assert.False(await db.Applications.AnyAsync(a => a.ResidentId == residentId));
        Assert.Contains(await db.AuditEntries.ToListAsync(), a => a.Action == StartApplicationHandler.AuditAction && a.Outcome == "refused" && a.Details!.Contains("R-CE-08", StringComparison.Ordinal));
        IssuanceKit.Require(await kit.StartAsync(InRenewalWindow, Procedure.Renewal)); // the way it points to is open
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-04")]
    public async Task Start_WhenNewIssuanceAndAValidCertificateOutsideItsRenewalWindow_IsRefusedPointingToRevocation(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);

        var result = await kit.StartAsync(OutsideRenewalWindow);

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        var broken = Assert.Single(result.BrokenRules);
        Assert.Equal("R-CE-08", broken.RuleId);
        Assert.Contains("5B71E0A9C3D2F418", broken.Message, StringComparison.Ordinal);
        Assert.Contains("失効の手続き", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("更新の手続き", broken.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Eligibility_WhenAValidCertificateAppearedAfterTheStart_RefusesTheNewIssuance(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync(NoCertificate)).ApplicationId!.Value;
        await using (var db = kit.NewContext())
        {
            var residentId = await kit.ResidentIdAsync(NoCertificate);
            var card = await db.ResidentCards.FirstAsync(c => c.ResidentId == residentId);
            var certificate = new CertificateRecord
            {
                Serial = "0C0FFEE1", ResidentId = residentId, CardId = card.Id, IssuedOn = kit.Today.AddYears(-1), ExpiresOn = kit.Today.AddYears(2),
            };
            db.Certificates.Add(certificate);
            TestRegister.AddLegacy(db, certificate);
            await db.SaveChangesAsync();
        }

        var result = await kit.EligibilityAsync(id);

        Assert.Equal(IssuanceOutcome.Refused, result.Outcome);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-CE-08" && b.Message.Contains("0C0FFEE1", StringComparison.Ordinal));
        var application = await kit.ApplicationAsync(id);
        Assert.Equal(ApplicationState.Refused, application.State);
        Assert.Contains("R-CE-08", application.RefusedFor, StringComparison.Ordinal);
    }

    private static ApplicationRecord Row(IssuanceKit kit, long residentId, ApplicationState state) => new()
    {
        Id = Guid.NewGuid(),
        OfficeId = kit.OfficeId,
        ResidentId = residentId,
        Procedure = Procedure.NewIssuance,
        Applicant = ApplicantKind.InPerson,
        State = state,
        ReceivedAt = DateTime.UtcNow,
        ReceivedBy = IssuanceKit.Clerk,
    };

    /// <summary>Just before the handler's insert, another start for the same resident commits on its own connection.</summary>
    private sealed class CompetingStart(IssuanceKit kit, long residentId) : SaveChangesInterceptor
    {
        public Guid Id { get; } = Guid.NewGuid();

        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Fired && eventData.Context!.ChangeTracker.Entries<ApplicationRecord>().Any(e => e.State == EntityState.Added))
            {
                Fired = true;
                await using var other = kit.NewContext();
                var row = Row(kit, residentId, ApplicationState.Received);
                other.Applications.Add(new ApplicationRecord
                {
                    Id = Id, OfficeId = row.OfficeId, ResidentId = row.ResidentId, Procedure = row.Procedure, Applicant = row.Applicant,
                    State = row.State, ReceivedAt = row.ReceivedAt, ReceivedBy = row.ReceivedBy,
                });
                await other.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }
}
