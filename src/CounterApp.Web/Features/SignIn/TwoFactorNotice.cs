using CounterApp.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.SignIn;

/// <summary>Says at start-up, once, when no role is forced to use two-factor sign-in (the demo run sets it so).</summary>
internal sealed partial class TwoFactorNotice(IOptions<SecurityOptions> security, ILogger<TwoFactorNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (security.Value.TwoFactorRoleList().Count == 0)
        {
            EnforcementOff(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Two-factor sign-in is not enforced for any role (Security:TwoFactorRoles is empty).")]
    private static partial void EnforcementOff(ILogger logger);
}
