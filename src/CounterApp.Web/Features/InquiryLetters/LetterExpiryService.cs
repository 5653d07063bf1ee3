using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>Runs <see cref="ExpireLettersHandler"/> every <see cref="LetterOptions.ExpiryInterval"/> (default hourly).</summary>
public sealed partial class LetterExpiryService(IServiceScopeFactory scopes, IOptions<LetterOptions> options, TimeProvider time, ILogger<LetterExpiryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<ExpireLettersHandler>().RunOnceAsync(stoppingToken);
                if (expired.Count > 0)
                {
                    LogExpired(expired.Count);
                }
            }
#pragma warning disable CA1031 // The job must survive a failed pass (database briefly away); the next tick retries.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} inquiry letters past their validity.")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inquiry letter expiry pass failed; the next one retries.")]
    private partial void LogFailed(Exception exception);
}
