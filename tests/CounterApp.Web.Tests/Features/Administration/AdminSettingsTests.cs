using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Features.InquiryLetters;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.RulesDemo;
using CounterApp.Web.Tests.Features.InquiryLetters;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Features.Administration;

/// <summary>
/// The administrator's settings used by the counter, on both providers: last acceptance moments (R-EL-06) read by the
/// eligibility check, letter validity (R-VI-04) and copy retention (R-ID-04) read when a letter is prepared and a copy
/// stored, and the address check per document type (R-ID-02) read by the document check.
/// </summary>
public sealed class AdminSettingsTests(PostgresServer postgres)
{
    private const string PhotoCard = "16322800001";

    private const string NoMoments = "NewIssuance=none, Renewal=none";

    [Theory]
    [Trait("Rule", "R-EL-06")]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LastAcceptance_WhenSetInThePast_RefusesTheEligibilityCheckWithThatDateAndIsAudited(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);

        var saved = await kit.SaveMomentsAsync(NoMoments, (Procedure.NewIssuance, "2026-11-20", "17:00"));
        var id = (await kit.StartAsync(PhotoCard)).ApplicationId!.Value;
        var check = await kit.EligibilityAsync(id);

        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal(IssuanceOutcome.Refused, check.Outcome);
        var broken = Assert.Single(check.BrokenRules, r => r.RuleId == "R-EL-06");
        Assert.Contains("令和8年11月20日", broken.Message, StringComparison.Ordinal);
        Assert.Contains("17:00", broken.Message, StringComparison.Ordinal);
        await using (var db = kit.NewContext())
        {
            Assert.False((await AdminSettings.LastAcceptanceAsync(db, null)).ContainsKey(Procedure.Renewal), "the other procedure has no end");
        }

        var audit = Assert.Single(await kit.AuditAsync(), a => a.Action == SaveLastAcceptanceHandler.AuditAction);
        Assert.Contains("NewIssuance=2026-11-20T17:00, Renewal=none", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "R-EL-06")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LastAcceptance_WhenSetInTheFutureOrCleared_LetsTheCheckPassAndAClearedRowHidesTheConfiguredMoment(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var configured = Options.Create(new CounterSettings { LastAcceptance = { [Procedure.Renewal] = new DateTime(2015, 12, 25, 17, 0, 0) } });

        var future = await kit.SaveMomentsAsync(NoMoments, (Procedure.NewIssuance, "2026-11-24", "10:00"));
        var id = (await kit.StartAsync(PhotoCard)).ApplicationId!.Value;
        var check = await kit.EligibilityAsync(id);
        var cleared = await kit.SaveMomentsAsync("NewIssuance=2026-11-24T10:00, Renewal=2015-12-25T17:00", configured, (Procedure.Renewal, "", ""));

        Assert.True(future.Succeeded, future.Message);
        Assert.True(check.Succeeded, $"10:00 itself is still accepted: {check.Message}");
        Assert.True(cleared.Succeeded, cleared.Message);
        await using var db = kit.NewContext();
        var effective = await AdminSettings.LastAcceptanceAsync(db, configured.Value.LastAcceptance);
        Assert.False(effective.ContainsKey(Procedure.Renewal));
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0), effective[Procedure.NewIssuance]);
    }

    [Theory]
    [Trait("Rule", "R-EL-06")]
    [Trait("Rule", "R-X-03")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LastAcceptance_WhenADateLacksItsTimeOrIsMalformedOrStale_IsRefusedNamingTheFieldAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);

        var noTime = await kit.SaveMomentsAsync(NoMoments, (Procedure.NewIssuance, "2026-12-28", ""));
        var noDate = await kit.SaveMomentsAsync(NoMoments, (Procedure.Renewal, "", "17:00"));
        var badDate = await kit.SaveMomentsAsync(NoMoments, (Procedure.NewIssuance, "2026-13-01", "17:00"));
        var badTime = await kit.SaveMomentsAsync(NoMoments, (Procedure.NewIssuance, "2026-12-28", "25:00"));
        var notChecked = await kit.SaveMomentsAsync(NoMoments, (Procedure.Unlock, "2026-12-28", "17:00"));
        var stale = await kit.SaveMomentsAsync("NewIssuance=2015-12-25T17:00, Renewal=none", (Procedure.NewIssuance, "2026-12-28", "17:00"));

        Assert.Equal(("R-EL-06", "lastAcceptance.NewIssuance.time"), (noTime.Problem!.RuleId, noTime.Problem.Field));
        Assert.Contains("電子証明書の新規発行の受付終了時刻", noTime.Message, StringComparison.Ordinal);
        Assert.Equal("lastAcceptance.Renewal.date", noDate.Problem!.Field);
        Assert.Equal("lastAcceptance.NewIssuance.date", badDate.Problem!.Field);
        Assert.Contains("（2026-13-01）", badDate.Message, StringComparison.Ordinal);
        Assert.Equal("lastAcceptance.NewIssuance.time", badTime.Problem!.Field);
        Assert.Equal("lastAcceptance", notChecked.Problem!.Field);
        Assert.Equal("lastAcceptance", stale.Problem!.Field);
        await using var db = kit.NewContext();
        Assert.DoesNotContain(await db.Settings.Select(s => s.Key).ToListAsync(), k => k.StartsWith(AdminSettings.LastAcceptancePrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(await kit.AuditAsync(), a => a.Action == SaveLastAcceptanceHandler.AuditAction);
    }

    [Theory]
    [Trait("Rule", "R-VI-04")]
    [Trait("Rule", "R-ID-04")]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Periods_WhenSaved_ThePreparedLetterAndTheStoredCopyUseThemAndTheChangeIsAudited(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);

        var saved = await kit.SavePeriodsAsync("14", "400", "letterValidDays=30, copyRetentionDays=1825");
        var letterApplication = await kit.TwoVisitApplicationAsync();
        var letter = await kit.PreparedLetterAsync(letterApplication);
        var copyApplication = (await kit.StartAsync(PhotoCard)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(copyApplication));
        IssuanceKit.Require(await kit.DocumentAsync(copyApplication));

        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal(14, letter.ValidDays);
        await using var db = kit.NewContext();
        var copy = await db.DocumentCopies.SingleAsync();
        Assert.Equal(kit.Today.AddDays(400), copy.RetainUntil);
        var audit = Assert.Single(await kit.AuditAsync(), a => a.Action == SavePeriodsHandler.AuditAction);
        Assert.Contains("letterValidDays=14, copyRetentionDays=400", audit.Details, StringComparison.Ordinal);
        Assert.Contains("letterValidDays=30, copyRetentionDays=1825", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "R-VI-04")]
    [Trait("Rule", "R-X-03")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Periods_WhenZeroNegativeTooLongTextOrStale_AreRefusedNamingTheFieldAndTheConfigurationDefaultStays(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        const string seen = "letterValidDays=30, copyRetentionDays=1825";

        var zero = await kit.SavePeriodsAsync("0", "400", seen);
        var negative = await kit.SavePeriodsAsync("-5", "400", seen);
        var tooLong = await kit.SavePeriodsAsync("366", "400", seen);
        var text = await kit.SavePeriodsAsync("14", "五年", seen);
        var retentionTooLong = await kit.SavePeriodsAsync("14", "3651", seen);
        var stale = await kit.SavePeriodsAsync("14", "400", "letterValidDays=20, copyRetentionDays=1825");

        Assert.Equal(("R-VI-04", "periods.letterValidDays"), (zero.Problem!.RuleId, zero.Problem.Field));
        Assert.Equal("照会書の有効日数は1から365までの整数（日数）で入力してください。", zero.Message);
        Assert.Equal("periods.letterValidDays", negative.Problem!.Field);
        Assert.Equal("periods.letterValidDays", tooLong.Problem!.Field);
        Assert.Equal(("R-ID-04", "periods.copyRetentionDays"), (text.Problem!.RuleId, text.Problem.Field));
        Assert.Equal("periods.copyRetentionDays", retentionTooLong.Problem!.Field);
        Assert.Equal("periods", stale.Problem!.Field);
        await using var db = kit.NewContext();
        Assert.False(await db.Settings.AnyAsync(s => s.Key == AdminSettings.CopyRetentionDaysKey));
        Assert.Equal(1825, await AdminSettings.CopyRetentionDaysAsync(db, 1825));
        Assert.Equal(21, await AdminSettings.LetterValidDaysAsync(db, 21)); // no row: the configuration decides
        Assert.DoesNotContain(await kit.AuditAsync(), a => a.Action == SavePeriodsHandler.AuditAction);
    }

    [Theory]
    [Trait("Rule", "R-ID-02")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddressCheck_WhenTheAdministratorTurnsItOffForADocumentType_TheDocumentCheckNoLongerComparesItsAddress(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync(PhotoCard)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        var refused = await kit.DocumentAsync(id, addressMatches: false);

        var saved = await kit.SetAddressCheckAsync("driver-licence", false);
        var accepted = await kit.DocumentAsync(id, addressMatches: false);

        Assert.False(refused.Succeeded);
        Assert.Contains(refused.BrokenRules, r => r.RuleId == "R-ID-02");
        Assert.True(saved.Succeeded, saved.Message);
        Assert.True(accepted.Succeeded, $"{accepted.Outcome}: {accepted.Message}");
        var audit = Assert.Single(await kit.AuditAsync(), a => a.Action == SaveIdentityDocumentsHandler.AuditAction);
        Assert.Contains("driver-licence: address check on → off", audit.Details, StringComparison.Ordinal);
    }
}

/// <summary>The administrator's handlers run from the issuance kit's services, one scope per request.</summary>
internal static class AdminSettingsKit
{
    public static async Task<AdminResult> SaveMomentsAsync(this IssuanceKit kit, string expected, params (Procedure Procedure, string Date, string Time)[] moments) =>
        await kit.SaveMomentsAsync(expected, Options.Create(new CounterSettings()), moments);

    public static async Task<AdminResult> SaveMomentsAsync(
        this IssuanceKit kit, string expected, IOptions<CounterSettings> configured, params (Procedure Procedure, string Date, string Time)[] moments)
    {
        await using var scope = kit.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<SaveLastAcceptanceHandler>(scope.ServiceProvider, configured);
        return await handler.HandleAsync(new SaveLastAcceptance([.. moments.Select(m => new LastAcceptanceInput(m.Procedure, m.Date, m.Time))], expected, "admin"));
    }

    public static async Task<AdminResult> SavePeriodsAsync(this IssuanceKit kit, string letterDays, string retentionDays, string expected)
    {
        await using var scope = kit.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<SavePeriodsHandler>(scope.ServiceProvider, Options.Create(new LetterOptions()));
        return await handler.HandleAsync(new SavePeriods(letterDays, retentionDays, expected, "admin"));
    }

    public static async Task<AdminResult> SetAddressCheckAsync(this IssuanceKit kit, string code, bool check)
    {
        await using var scope = kit.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var rows = await db.IdentityDocumentTypes.AsNoTracking().ToListAsync();
        var handler = ActivatorUtilities.CreateInstance<SaveIdentityDocumentsHandler>(scope.ServiceProvider);
        return await handler.HandleAsync(new SaveIdentityDocuments(
            [.. rows.Select(r => new IdentityDocumentInput(r.Code, r.Accepted, r.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Code == code ? check : r.AddressCheck))],
            SaveIdentityDocumentsHandler.Describe(rows.Select(r => (r.Code, r.Accepted, r.SortOrder, r.AddressCheck))),
            "admin"));
    }
}
