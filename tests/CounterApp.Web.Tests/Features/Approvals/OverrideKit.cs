using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Approvals;
using CounterApp.Web.Tests.Features.Issuance;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Approvals;

/// <summary>The override handlers on an <see cref="IssuanceKit"/>'s database, a second supervisor, and an evening clock.</summary>
internal static class OverrideKit
{
    public const string SecondSupervisor = "supervisor2";

    /// <summary>Tuesday 2026-11-24 18:00 JST: after the counter closed (R-HR-01).</summary>
    public static readonly DateTimeOffset Evening = new(2026, 11, 24, 18, 0, 0, TimeSpan.FromHours(9));

    public static Task<OverrideResult> RequestAsync(this IssuanceKit kit, Guid applicationId, string ruleId = "R-HR-03", string? reason = "閉庁直前に来庁、本人は明日から長期入院", string by = IssuanceKit.Clerk) =>
        RunAsync<RequestOverrideHandler>(kit, h => h.HandleAsync(new RequestOverride(applicationId, ruleId, reason, by, kit.CounterId)));

    public static Task<OverrideResult> DecideAsync(this IssuanceKit kit, long requestId, bool approve, string supervisor, string? reason = "入院前日のため特に認める") =>
        RunAsync<DecideOverrideHandler>(kit, h => h.HandleAsync(new DecideOverride(requestId, approve, supervisor, reason)));

    public static async Task AddSecondSupervisorAsync(this IssuanceKit kit)
    {
        await using var scope = kit.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = SecondSupervisor, DisplayName = "係長 二", OfficeId = kit.OfficeId, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, "Second-supervisor-7Q")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, StaffRoles.Supervisor)).Succeeded);
    }

    public static async Task<OverrideRequestRecord> RowAsync(this IssuanceKit kit, long requestId)
    {
        await using var db = kit.NewContext();
        return await db.Set<OverrideRequestRecord>().AsNoTracking().SingleAsync(o => o.Id == requestId);
    }

    private static async Task<OverrideResult> RunAsync<THandler>(IssuanceKit kit, Func<THandler, Task<OverrideResult>> run)
        where THandler : class
    {
        await using var scope = kit.Services.CreateAsyncScope();
        return await run(ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider));
    }
}
