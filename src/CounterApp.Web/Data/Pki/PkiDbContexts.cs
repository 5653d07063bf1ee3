using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Data.Pki;

/// <summary>
/// Short-lived <see cref="CounterDbContext"/>s for the CA's store, from a pool. The CA is a singleton that answers OCSP
/// on any thread, so it cannot hold the request-scoped context; each store call rents one here and returns it.
/// </summary>
public sealed class PkiDbContexts : IDbContextFactory<CounterDbContext>
{
    private readonly PooledDbContextFactory<CounterDbContext> _pool;

    public PkiDbContexts(IOptions<DatabaseOptions> database, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = new DbContextOptionsBuilder<CounterDbContext>();
        DatabaseExtensions.Configure(builder, database.Value);
        if (loggers is not null)
        {
            builder.UseLoggerFactory(loggers);
        }

        _pool = new PooledDbContextFactory<CounterDbContext>(builder.Options);
    }

    public CounterDbContext CreateDbContext() => _pool.CreateDbContext();
}
