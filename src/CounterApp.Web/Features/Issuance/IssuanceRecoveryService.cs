using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.Issuance;

/// <summary>Settings of section "Issuance".</summary>
public sealed class IssuanceOptions
{
    public const string Section = "Issuance";

    /// <summary>How often the recovery pass looks for cut card sessions (R-CE-09): at most a minute, default 30 seconds.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// R-CE-09, the recovery pass: at start-up and then every <see cref="IssuanceOptions.RecoveryInterval"/>, every
/// application left between key generation and completion by a card session that is no longer running here (a crash,
/// a restart, a request that died) is resolved through <see cref="InterruptedIssuance"/>. So after any crash no
/// certificate stays good for longer than the interval unless it is on a completed application's card.
/// </summary>
public sealed partial class IssuanceRecoveryService(
    IServiceScopeFactory scopes, IssuanceProgress progress, IOptions<IssuanceOptions> options, ILogger<IssuanceRecoveryService> logger) : BackgroundService
{
    public const string Actor = "system:recovery";

    /// <summary>One pass; returns how many applications it resolved.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var candidates = await db.Applications.AsNoTracking().Where(a => CardSessionStates.All.Contains(a.State)).Select(a => a.Id).ToListAsync(cancellationToken);
        var resolved = 0;
        foreach (var id in candidates.Where(id => progress.Current(id) is not { Running: true }))
        {
            try
            {
                await using var one = scopes.CreateAsyncScope();
                var (resolution, serial) = await one.ServiceProvider.GetRequiredService<InterruptedIssuance>()
                    .ResolveAsync(id, Actor, null, "recovered: the card session stopped before completion (restart or lost session)", cancellationToken);
                if (resolution is Resolution.Completed or Resolution.ReturnedToCardStep)
                {
                    resolved++;
                    LogResolved(id, resolution, serial);
                }
            }
#pragma warning disable CA1031 // One application that cannot be resolved (a damaged row) must not hold up the others.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogOneFailed(id, e);
            }
        }

        return resolved;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecoveryInterval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
#pragma warning disable CA1031 // The pass must survive a failed run (database briefly away); the next tick retries.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered interrupted issuance {ApplicationId}: {Resolution} (revoked serial {Serial}).")]
    private partial void LogResolved(Guid applicationId, Resolution resolution, string? serial);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interrupted issuance {ApplicationId} could not be resolved; the next pass retries.")]
    private partial void LogOneFailed(Guid applicationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The issuance recovery pass failed; the next one retries.")]
    private partial void LogFailed(Exception exception);
}
