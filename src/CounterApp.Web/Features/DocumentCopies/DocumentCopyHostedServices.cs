using System.Diagnostics.CodeAnalysis;
using CounterApp.Web.Data;

namespace CounterApp.Web.Features.DocumentCopies;

/// <summary>
/// Loads and checks the document-copy key at start-up (after the schema is migrated), so a missing or wrong key
/// stops the app with the reason instead of failing at the first view.
/// </summary>
internal sealed class DocumentCopyKeyCheck(IServiceScopeFactory scopes, DocumentCopyKeyRing keys) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await keys.InitializeAsync(scope.ServiceProvider.GetRequiredService<CounterDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Runs <see cref="DocumentCopyPurge"/> a minute after start-up and then once a day.</summary>
internal sealed partial class DocumentCopyPurgeService(IServiceScopeFactory scopes, TimeProvider time, ILogger<DocumentCopyPurgeService> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failed purge is logged and retried the next day; it must not stop the app.")]
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, time, stoppingToken);
            using var timer = new PeriodicTimer(Interval, time);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DocumentCopyPurge>().PurgeAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Document copy purge failed; it runs again tomorrow")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
