using System.Diagnostics.CodeAnalysis;
using CounterApp.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.CertificateAuthority;

/// <summary>Opens the CA at start-up, after the schema migration: a key or passphrase problem stops the app here.</summary>
internal sealed class PkiStartup(PrefecturalCa ca) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ca.Open();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Keeps the CRL fresh (R-RV-03): signs it at start, then checks it every Pki:CrlCheckInterval (default 1 minute):
/// re-signed at half its lifetime and whenever the database has revocations the list lacks.
/// </summary>
internal sealed partial class CrlRefreshService(PrefecturalCa ca, IOptions<PkiOptions> options, RealClock time, ILogger<CrlRefreshService> logger) : BackgroundService
{
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failed check is logged and retried at the next tick; it must not stop the app.")]
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.CrlCheckInterval, time);
            do
            {
                try
                {
                    if (ca.Crl.Check())
                    {
                        var crl = ca.Crl.Current();
                        LogSigned(logger, ca.Id, (long)crl.Number, crl.EntryCount, crl.NextUpdate);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, ca.Id, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CRL {Number} of CA {Id} signed: {Entries} revoked certificate(s), next update {NextUpdate:O}")]
    private static partial void LogSigned(ILogger logger, string id, long number, int entries, DateTimeOffset nextUpdate);

    [LoggerMessage(Level = LogLevel.Error, Message = "CRL check of CA {Id} failed; retried at the next tick")]
    private static partial void LogFailed(ILogger logger, string id, Exception exception);
}

/// <summary>Carries out pending revocation requests every Pki:RevocationPollInterval (default 15 s).</summary>
internal sealed partial class RevocationProcessingService(IServiceScopeFactory scopes, IOptions<PkiOptions> options, RealClock time, ILogger<RevocationProcessingService> logger) : BackgroundService
{
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failed run is logged and retried at the next tick; it must not stop the app.")]
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.RevocationPollInterval, time);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<RevocationProcessor>().ProcessPendingAsync(stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing revocation requests failed; retried at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
