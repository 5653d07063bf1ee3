using CounterApp.Web.Data;
using CounterApp.Web.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Hosting;

/// <summary>
/// Commands an operator runs on the built app instead of starting the web server:
/// <c>CounterApp.Web migrate</c>, <c>CounterApp.Web verify-audit</c>, <c>CounterApp.Web schema-script</c>.
/// Exit code 0 on success; otherwise non-zero with a one-line reason on standard error.
/// </summary>
public static class OperatorCommands
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<IServiceProvider, CancellationToken, Task<string>>> Commands = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateAsync,
        ["schema-script"] = SchemaScriptAsync,
    };

    /// <summary>True when the first argument names an operator command.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    /// <summary>Adds a command (features contribute theirs, e.g. verify-audit).</summary>
    public static void Register(string name, Func<IServiceProvider, CancellationToken, Task<string>> command) => Commands[name] = command;

    /// <summary>Runs the command named by args[0]; returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var output = await Commands[args[0]](scope.ServiceProvider, CancellationToken.None);
            await Console.Out.WriteLineAsync(output);
            return 0;
        }
        catch (Exception e) when (e is SchemaException or InvalidOperationException or System.Data.Common.DbException or OperatorCommandException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"{args[0]}: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    private static async Task<string> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var applied = await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        return applied.Count == 0
            ? "migrate: the schema is up to date"
            : $"migrate: applied {string.Join(", ", applied.Select(s => s.FileName))}";
    }

    // For engineers writing the next schema script: what EF would create for the current model on this provider.
    private static Task<string> SchemaScriptAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult(services.GetRequiredService<CounterDbContext>().Database.GenerateCreateScript());
}

/// <summary>A command failed for a reason the operator can act on; the message is that reason.</summary>
public sealed class OperatorCommandException(string message) : Exception(message);
