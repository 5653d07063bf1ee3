using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.StaffAccounts;
using CounterApp.Web.Hosting;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.StaffAccounts;

/// <summary>Staff accounts administration on both databases: create, edit, disable, password and 2FA resets, and every refusal.</summary>
public sealed class StaffAccountsHandlerTests(PostgresServer postgres)
{
    private const string Admin = "admin";

    [Theory]
    [Trait("Rule", "R-X-01")]
    [Trait("Rule", "R-X-02")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_WhenValid_CreatesTheAccountWithRolesAndAuditsWithoutThePassword(DatabaseProvider provider)
    {
        await using var kit = await StaffAccountsKit.CreateAsync(provider, postgres);

        var result = await kit.RunAsync(h => h.CreateAsync(new CreateStaffAccount(" tanaka.s ", "田中 さくら", kit.OfficeId, [StaffRoles.Supervisor, StaffRoles.Clerk], StaffAccountsKit.GoodPassword, Admin)));

        Assert.True(result.Succeeded, result.Message);
        var (signsIn, roles, user) = await kit.UsersAsync(async u =>
        {
            var found = (await u.FindByNameAsync("tanaka.s"))!;
            return (await u.CheckPasswordAsync(found, StaffAccountsKit.GoodPassword), await u.GetRolesAsync(found), found);
        });
        Assert.True(signsIn);
        Assert.Equal([StaffRoles.Clerk, StaffRoles.Supervisor], roles.Order(StringComparer.Ordinal));
        Assert.Equal(("田中 さくら", kit.OfficeId, true, false), (user.DisplayName, user.OfficeId, user.LockoutEnabled, user.TwoFactorEnabled));
        var entry = Assert.Single(await kit.AuditAsync("admin.staff.created"));
        Assert.Equal(Admin, entry.Actor);
        Assert.Contains("\"roles\":\"Clerk,Supervisor\"", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffAccountsKit.GoodPassword, entry.Details, StringComparison.Ordinal);
        var row = Assert.Single(await kit.RunAsync(h => h.ListAsync(DateTimeOffset.UtcNow)), r => r.UserName == "tanaka.s");
        Assert.Equal(("上市町役場 町民課", false, false, false), (row.OfficeName, row.Disabled, row.LockedOut, row.TwoFactorEnabled));
    }

    [Theory]
    [Trait("Rule", "R-X-03")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_WhenInputBreaksARule_NamesTheFieldAndTheRuleAndSavesNothing(DatabaseProvider provider)
    {
        await using var kit = await StaffAccountsKit.CreateAsync(provider, postgres);
        var office = kit.OfficeId;
        string[] clerk = [StaffRoles.Clerk];
        var cases = new (CreateStaffAccount Request, string Field, string Text)[]
        {
            (new("", "名前", office, clerk, StaffAccountsKit.GoodPassword, Admin), "userName", "ユーザー名を入力してください"),
            (new("田中", "名前", office, clerk, StaffAccountsKit.GoodPassword, Admin), "userName", "ユーザー名は半角英数字"),
            (new("clerk", "名前", office, clerk, StaffAccountsKit.GoodPassword, Admin), "userName", "ユーザー名「clerk」は既に使われています"),
            (new("new.one", " ", office, clerk, StaffAccountsKit.GoodPassword, Admin), "displayName", "表示名を入力してください"),
            (new("new.one", new string('長', 65), office, clerk, StaffAccountsKit.GoodPassword, Admin), "displayName", "表示名は64文字以内"),
            (new("new.one", "名前", office, [], StaffAccountsKit.GoodPassword, Admin), "roles", "役割を1つ以上選んでください"),
            (new("new.one", "名前", office, ["Root"], StaffAccountsKit.GoodPassword, Admin), "roles", "役割「Root」はありません"),
            (new("new.one", "名前", null, clerk, StaffAccountsKit.GoodPassword, Admin), "office", "所属を選んでください"),
            (new("new.one", "名前", 9999, clerk, StaffAccountsKit.GoodPassword, Admin), "office", "所属が見つかりません"),
            (new("new.one", "名前", office, clerk, "", Admin), "password", "パスワードを入力してください"),
            (new("new.one", "名前", office, clerk, "Short-1a", Admin), "password", "パスワードは12文字以上"),
            (new("new.one", "名前", office, clerk, "Counterstaff2026", Admin), "password", "記号"),
            (new("new.one", "名前", office, clerk, "Aa1!Aa1!Aa1!Aa1!", Admin), "password", "6種類以上"),
        };

        foreach (var (request, field, text) in cases)
        {
            var result = await kit.RunAsync(h => h.CreateAsync(request));

            Assert.False(result.Succeeded, field + ": " + text);
            Assert.Equal((StaffAccountRules.Input, field), (result.Problem!.RuleId, result.Problem.Field));
            Assert.Contains(text, result.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(StaffAccountsKit.GoodPassword, result.Message, StringComparison.Ordinal);
        }

        await using var db = kit.NewContext();
        Assert.Equal(3, await db.Users.CountAsync());
        Assert.Empty(await kit.AuditAsync("admin.staff."));
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edit_WhenValid_ChangesNameOfficeAndRolesAndAuditsOldAndNew(DatabaseProvider provider)
    {
        await using var kit = await StaffAccountsKit.CreateAsync(provider, postgres);
        var clerk = await kit.IdOfAsync("clerk");

        var result = await kit.RunAsync(h => h.EditAsync(new EditStaffAccount(clerk, "窓口 一郎（係長）", kit.OfficeId, [StaffRoles.Supervisor], Admin)));

        Assert.True(result.Succeeded, result.Message);
        var row = Assert.Single(await kit.RunAsync(h => h.ListAsync(DateTimeOffset.UtcNow)), r => r.Id == clerk);
        Assert.Equal("窓口 一郎（係長）", row.DisplayName);
        Assert.Equal([StaffRoles.Supervisor], row.Roles);
        var entry = Assert.Single(await kit.AuditAsync("admin.staff.changed"));
        Assert.Contains("\"oldRoles\":\"Clerk\"", entry.Details, StringComparison.Ordinal);
        Assert.Contains("\"roles\":\"Supervisor\"", entry.Details, StringComparison.Ordinal);
        Assert.Contains("\"oldDisplayName\":\"窓口 一郎\"", entry.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edit_WhenAdministratorRemovesOwnAdministratorRole_IsRefusedAndNothingChanges(DatabaseProvider provider)
    {
        await using var kit = await StaffAccountsKit.CreateAsync(provider, postgres);
        var admin = await kit.IdOfAsync(Admin);
        await CreateSecondAdministratorAsync(kit);

        var result = await kit.RunAsync(h => h.EditAsync(new EditStaffAccount(admin, "管理 三子", kit.OfficeId, [StaffRoles.Clerk], Admin)));

        Assert.Equal((StaffAccountRules.NotSelf, "roles"), (result.Problem!.RuleId, result.Problem.Field));
        Assert.Contains("自分自身の管理者の役割は外せません", result.Message, StringComparison.Ordinal);
        Assert.Equal([StaffRoles.Administrator], await kit.UsersAsync(async u => (await u.GetRolesAsync((await u.FindByIdAsync(admin))!)).ToArray()));
        Assert.Empty(await kit.AuditAsync("admin.staff.changed"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Disable_WhenSelf_IsRefused(DatabaseProvider provider)
    {
        await using var kit = await StaffAccountsKit.CreateAsync(provider, postgres);
        var admin = await kit.IdOfAsync(Admin);

        var result = await kit.RunAsync(h => h.SetDisabledAsync(admin, disabled: true, Admin));

        Assert.Equal((StaffAccountRules.NotSelf, "account"), (result.Problem!.RuleId, result.Problem.Field));
        Assert.Contains("自分自身のアカウントは無効にできません", result.Message, StringComparison.Ordinal);
        Assert.False(await kit.UsersAsync(async u => await u.IsLockedOutAsync((await u.FindByIdAsync(admin))!)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LastAdministrator_WhenAnotherRemovesTheRoleOrDisablesIt_IsRefusedUntilASecondIsEnabled(DatabaseProvider provider)
    {
        await using var kit = await StaffAccountsKit.CreateAsync(provider, postgres);
        var admin = await kit.IdOfAsync(Admin);
        var second = await CreateSecondAdministratorAsync(kit);
        // The second administrator is disabled (by the first), so "admin" is the only enabled one.
        Assert.True((await kit.RunAsync(h => h.SetDisabledAsync(second, disabled: true, Admin))).Succeeded);

        var demote = await kit.RunAsync(h => h.EditAsync(new EditStaffAccount(admin, "管理 三子", kit.OfficeId, [StaffRoles.Clerk], "admin2")));
        var disable = await kit.RunAsync(h => h.SetDisabledAsync(admin, disabled: true, "admin2"));

        Assert.Equal((StaffAccountRules.LastAdministrator, "roles"), (demote.Problem!.RuleId, demote.Problem.Field));
        Assert.Equal((StaffAccountRules.LastAdministrator, "account"), (disable.Problem!.RuleId, disable.Problem.Field));
        Assert.Contains("有効な管理者が1人もいなくなる", disable.Message, StringComparison.Ordinal);

        Assert.True((await kit.RunAsync(h => h.SetDisabledAsync(second, disabled: false, Admin))).Succeeded);
        var disabledNow = await kit.RunAsync(h => h.SetDisabledAsync(admin, disabled: true, "admin2"));
        Assert.True(disabledNow.Succeeded, disabledNow.Message);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Disable_ThenEnable_LocksTheAccountOutThenClearsLockoutAndAuditsBoth(DatabaseProvider provider)
    {
        await using var kit = await StaffAccountsKit.CreateAsync(provider, postgres);
        var clerk = await kit.IdOfAsync("clerk");
        await kit.UsersAsync(async u => await u.AccessFailedAsync((await u.FindByIdAsync(clerk))!));

        var disabled = await kit.RunAsync(h => h.SetDisabledAsync(clerk, disabled: true, Admin));
        var whileDisabled = await kit.UsersAsync(async u => await u.IsLockedOutAsync((await u.FindByIdAsync(clerk))!));
        var listed = Assert.Single(await kit.RunAsync(h => h.ListAsync(DateTimeOffset.UtcNow)), r => r.Id == clerk);
        var enabled = await kit.RunAsync(h => h.SetDisabledAsync(clerk, disabled: false, Admin));

        Assert.True(disabled.Succeeded && enabled.Succeeded);
        Assert.True(whileDisabled);
        Assert.True(listed.Disabled);
        var user = await kit.UsersAsync(async u => (await u.FindByIdAsync(clerk))!);
        Assert.Equal((null, 0), (user.LockoutEnd, user.AccessFailedCount));
        Assert.Equal(["admin.staff.disabled", "admin.staff.enabled"], (await kit.AuditAsync("admin.staff.")).Select(a => a.Action));
    }

    [Theory]
    [Trait("Rule", "R-X-02")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResetPassword_WhenWeak_IsRefusedAndTheOldOneStillWorks_WhenValid_SetsItAndAsksForAChange(DatabaseProvider provider)
    {
        await using var kit = await StaffAccountsKit.CreateAsync(provider, postgres);
        var clerk = await kit.IdOfAsync("clerk");
        await kit.UsersAsync(async u =>
        {
            var user = (await u.FindByIdAsync(clerk))!;
            await u.RemovePasswordAsync(user);
            return await u.AddPasswordAsync(user, "Old-clerk-pass-1");
        });

        var weak = await kit.RunAsync(h => h.ResetPasswordAsync(clerk, "short", Admin));
        var oldStillWorks = await kit.UsersAsync(async u => await u.CheckPasswordAsync((await u.FindByIdAsync(clerk))!, "Old-clerk-pass-1"));
        var reset = await kit.RunAsync(h => h.ResetPasswordAsync(clerk, "Temporary-pass-77", Admin));

        Assert.Equal("password", weak.Problem!.Field);
        Assert.True(oldStillWorks);
        Assert.True(reset.Succeeded, reset.Message);
        var (newWorks, oldWorks, claims) = await kit.UsersAsync(async u =>
        {
            var user = (await u.FindByIdAsync(clerk))!;
            return (await u.CheckPasswordAsync(user, "Temporary-pass-77"), await u.CheckPasswordAsync(user, "Old-clerk-pass-1"), await u.GetClaimsAsync(user));
        });
        Assert.True(newWorks);
        Assert.False(oldWorks);
        Assert.Contains(claims, c => c.Type == StaffClaims.PasswordChangeRequired);
        var entry = Assert.Single(await kit.AuditAsync("admin.staff.password-reset"));
        Assert.DoesNotContain("Temporary-pass-77", entry.Details, StringComparison.Ordinal);
        Assert.True(Assert.Single(await kit.RunAsync(h => h.ListAsync(DateTimeOffset.UtcNow)), r => r.Id == clerk).PasswordChangeRequired);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResetTwoFactor_WhenEnrolled_TurnsItOffForgetsKeyAndRecoveryCodesAndAudits(DatabaseProvider provider)
    {
        await using var kit = await StaffAccountsKit.CreateAsync(provider, postgres);
        var supervisor = await kit.IdOfAsync("supervisor");
        var oldKey = await kit.UsersAsync(async u =>
        {
            var user = (await u.FindByIdAsync(supervisor))!;
            await u.ResetAuthenticatorKeyAsync(user);
            await u.SetTwoFactorEnabledAsync(user, true);
            await u.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            return await u.GetAuthenticatorKeyAsync(user);
        });

        var result = await kit.RunAsync(h => h.ResetTwoFactorAsync(supervisor, Admin));
        var missing = await kit.RunAsync(h => h.ResetTwoFactorAsync("no-such-id", Admin));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("account", missing.Problem!.Field);
        var (enabled, key, codes) = await kit.UsersAsync(async u =>
        {
            var user = (await u.FindByIdAsync(supervisor))!;
            return (await u.GetTwoFactorEnabledAsync(user), await u.GetAuthenticatorKeyAsync(user), await u.CountRecoveryCodesAsync(user));
        });
        Assert.False(enabled);
        Assert.NotEqual(oldKey, key);
        Assert.Equal(0, codes);
        var entry = Assert.Single(await kit.AuditAsync("staff.two-factor-reset"));
        Assert.Equal(Admin, entry.Actor);
        Assert.DoesNotContain(oldKey!, entry.Details, StringComparison.Ordinal);
    }

    private static async Task<string> CreateSecondAdministratorAsync(StaffAccountsKit kit)
    {
        var result = await kit.RunAsync(h => h.CreateAsync(new CreateStaffAccount("admin2", "管理 四郎", kit.OfficeId, [StaffRoles.Administrator], StaffAccountsKit.GoodPassword, Admin)));
        Assert.True(result.Succeeded, result.Message);
        return result.AccountId!;
    }
}
