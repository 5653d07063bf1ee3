using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace CounterApp.Web.Hosting;

public static class IdentityExtensions
{
    /// <summary>Staff accounts (ASP.NET Core Identity on the counter database) with roles Clerk, Supervisor, Administrator.</summary>
    public static IHostApplicationBuilder AddCounterIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 6;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CounterDbContext>();
        return builder;
    }
}
