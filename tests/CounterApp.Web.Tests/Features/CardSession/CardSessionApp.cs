using CounterApp.Card.Connection;
using CounterApp.Domain.Residents;
using CounterApp.VirtualCard;
using CounterApp.VirtualCard.InProcess;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Tests.Pki;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.CardSession;

/// <summary>The real app (SQLite, demo town, its CA) for card session tests, with helpers for virtual cards.</summary>
public sealed class CardSessionApp : PkiApp
{
    private int _nextCard;

    /// <summary>
    /// A fresh in-memory card keyed with the app's issuer master secret, with card PIN <paramref name="cardPin"/>, whose
    /// chip carries <paramref name="row"/>'s chip serial (R-CA-04): the resident's own card.
    /// </summary>
    public VirtualResidentCard NewVirtualCard(string cardPin, ResidentCardRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return NewVirtualCard(cardPin, row.ChipSerial ?? throw new InvalidOperationException($"Card {row.CardNumber} has no chip serial."));
    }

    /// <summary>A fresh in-memory card whose chip has <paramref name="serial"/>.</summary>
    public VirtualResidentCard NewVirtualCard(string cardPin, string serial)
    {
        var secret = Services.GetRequiredService<IssuerMasterSecret>().Read();
        try
        {
            return VirtualResidentCard.CreateInMemory(secret, System.Text.Encoding.ASCII.GetBytes(cardPin), serial);
        }
        finally
        {
            Array.Clear(secret);
        }
    }

    /// <summary>An active demo resident card row, going round them call by call (with its resident loaded).</summary>
    public async Task<ResidentCardRecord> NextCardRowAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var today = DateOnly.FromDateTime(Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var cards = await db.ResidentCards.AsNoTracking().Include(c => c.Resident)
            .Where(c => c.Status == CardStatus.Active && c.ExpiryDate > today.AddMonths(1) && c.Resident!.RegisterStatus == RegisterStatus.Registered)
            .OrderBy(c => c.Id)
            .ToListAsync();
        return cards[(Interlocked.Increment(ref _nextCard) - 1) % cards.Count];
    }
}

[CollectionDefinition(Name)]
public sealed class CardSessionAppGroup : ICollectionFixture<CardSessionApp>
{
    public const string Name = "Card session app";
}

/// <summary>A connection that drops at the first command with instruction <paramref name="ins"/> (UPDATE BINARY: the write step).</summary>
internal sealed class DroppingConnection(ISmartCardConnection inner, byte ins, Func<Exception> failure) : ISmartCardConnection
{
    public bool Failed { get; private set; }

    public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
    {
        if (Failed || (command.Length > 1 && command.Span[1] == ins))
        {
            Failed = true;
            throw failure();
        }

        return inner.TransmitAsync(command, cancellationToken);
    }

    public Task<ISmartCardTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) => inner.BeginTransactionAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

/// <summary>A virtual card in a virtual reader and a connection to it.</summary>
internal sealed class CardInReader : IAsyncDisposable
{
    public CardInReader(VirtualResidentCard card)
    {
        Card = card;
        Reader.Insert(card);
        Connection = Reader.Connect();
    }

    public VirtualCardReader Reader { get; } = new();

    public VirtualResidentCard Card { get; }

    public ISmartCardConnection Connection { get; }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        Reader.Dispose();
    }
}
