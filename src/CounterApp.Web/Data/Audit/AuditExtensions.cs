using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Receipts;
using CounterApp.Web.Hosting;

// Beside AddCounterDatabase, so Program.cs needs no extra using.
namespace CounterApp.Web.Data;

public static class AuditExtensions
{
    private static int _commandRegistered;

    /// <summary>
    /// The audit trail (R-X-01), its keyed checkpoints (the key checked at start-up, then written every
    /// Audit:CheckpointInterval), its verifier and the receipt book (R-FE-02, which audits every receipt), and the
    /// operator command <c>CounterApp.Web verify-audit</c>: exit 0 with "verify-audit: N entries, chain intact, …",
    /// or non-zero with what was found (a broken row, a cut end, a rewritten chain, a forged or deleted checkpoint).
    /// Needs AddCounterDatabase first (its migration runs before the key check).
    /// </summary>
    public static IHostApplicationBuilder AddCounterAudit(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AuditOptions>()
            .Bind(builder.Configuration.GetSection(AuditOptions.Section))
            .Validate(o => o.CheckpointInterval >= TimeSpan.FromSeconds(1) && o.CheckpointInterval <= TimeSpan.FromDays(1), "Audit:CheckpointInterval must be between 00:00:01 and 1.00:00:00.")
            .ValidateOnStart();
        builder.Services.AddRealClock();
        builder.Services.AddSingleton<AuditCheckpointKey>();
        // Audit entries and checkpoints carry the real time even when the demo clock shifts the counter's rules.
        builder.Services.AddScoped(sp => new AuditTrail(sp.GetRequiredService<CounterDbContext>(), sp.GetRequiredService<RealClock>()));
        builder.Services.AddScoped(sp => new AuditCheckpoints(
            sp.GetRequiredService<CounterDbContext>(), sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<AuditCheckpointKey>(), sp.GetRequiredService<RealClock>()));
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.AddHostedService<AuditCheckpointKeyCheck>();
        builder.Services.AddHostedService<AuditCheckpointService>();
        builder.Services.AddScoped(sp => new ReceiptBook(sp.GetRequiredService<CounterDbContext>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RealClock>()));

        // The command table is process-wide; hosts built side by side (tests) register it once.
        if (Interlocked.Exchange(ref _commandRegistered, 1) == 0)
        {
            OperatorCommands.Register("verify-audit", VerifyAuditAsync);
        }

        return builder;
    }

    private static async Task<string> VerifyAuditAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
        return result.Intact
            ? $"verify-audit: {result.Summary}"
            : throw new OperatorCommandException(result.Summary);
    }
}
