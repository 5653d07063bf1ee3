using CounterApp.Card.Connection;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Tests.Pki;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Features.Readers;

/// <summary>The real app on its embedded default (SQLite, demo town), so its readers are the simulated ones.</summary>
public sealed class ReadersApp : PkiApp
{
    public SimulatedCounterReaders Readers => (SimulatedCounterReaders)Services.GetRequiredService<ICounterReaders>();

    /// <summary>Simulated readers as a restarted server would build them (same data folder and master secret).</summary>
    public SimulatedCounterReaders NewReadersInstance() =>
        new(new SimulatedCards(Services.GetRequiredService<IssuerMasterSecret>(), Services.GetRequiredService<IOptions<DatabaseOptions>>()));

    /// <summary>A new counter in the demo office, so a test owns its reader.</summary>
    public async Task<(int Id, string Name)> AddCounterAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var office = await db.Offices.Select(o => o.Id).FirstAsync();
        var number = await db.Counters.MaxAsync(c => c.Number) + 1;
        var counter = new Counter { OfficeId = office, Number = number, Name = $"{number}番窓口" };
        db.Counters.Add(counter);
        await db.SaveChangesAsync();
        return (counter.Id, counter.Name);
    }

    public async Task<ResidentCardRecord> CardAsync(string cardNumber)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CounterDbContext>().ResidentCards.AsNoTracking()
            .Include(c => c.Resident).SingleAsync(c => c.CardNumber == cardNumber);
    }

    /// <summary>Inserts the card through the handler, as the panel's post does.</summary>
    public async Task<SimulatedReaderOutcome> InsertAsync(int counterId, string cardNumber)
    {
        var card = await CardAsync(cardNumber);
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SimulatedReaderHandler>().InsertAsync(counterId, card.Id, "clerk-readers");
    }
}

[CollectionDefinition(Name)]
public sealed class ReadersAppGroup : ICollectionFixture<ReadersApp>
{
    public const string Name = "Readers app";
}

/// <summary>Runs <paramref name="onCommand"/> (e.g. a card pulled) just before the first command with instruction <paramref name="ins"/> goes to the card.</summary>
internal sealed class InterceptingConnection(ISmartCardConnection inner, byte ins, Action onCommand) : ISmartCardConnection
{
    public bool Fired { get; private set; }

    public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
    {
        if (!Fired && command.Length > 1 && command.Span[1] == ins)
        {
            Fired = true;
            onCommand();
        }

        return inner.TransmitAsync(command, cancellationToken);
    }

    public Task<ISmartCardTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) => inner.BeginTransactionAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
