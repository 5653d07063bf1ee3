using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Data.Audit;

/// <summary>
/// Loads and checks the audit checkpoint key at start-up (after the schema is migrated), so a missing or wrong key
/// stops the app with the reason instead of failing at the first checkpoint.
/// </summary>
internal sealed class AuditCheckpointKeyCheck(IServiceScopeFactory scopes, AuditCheckpointKey key) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await key.InitializeAsync(scope.ServiceProvider.GetRequiredService<CounterDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Checkpoints the audit log's head every Audit:CheckpointInterval (when it moved since the last checkpoint).</summary>
internal sealed partial class AuditCheckpointService(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditCheckpointService> logger) : BackgroundService
{
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failed checkpoint is logged and retried at the next tick; it must not stop the app.")]
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().CheckpointIfMovedAsync(stoppingToken) is { } checkpoint)
                    {
                        LogWritten(logger, checkpoint.Id, checkpoint.HeadId);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit checkpoint #{Checkpoint} covers entry #{Head}")]
    private static partial void LogWritten(ILogger logger, long checkpoint, long head);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit checkpoint failed; it is tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
