using CounterApp.Card.Pcsc;
using CounterApp.VirtualCard;
using CounterApp.VirtualCard.Vpcd;

namespace CounterApp.Card.Tests.RealStack;

/// <summary>A virtual card sitting in one of the private pcscd's vpcd readers; disposing takes it out and waits until pcscd saw that.</summary>
internal sealed class CardInReader : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly VpcdInsertion _insertion;

    private CardInReader(VpcdInsertion insertion, string reader)
    {
        _insertion = insertion;
        Reader = reader;
    }

    public string Reader { get; }

    public VirtualResidentCard Card => _insertion.Card;

    public static async Task<CardInReader> InsertAsync(PcscdFixture pcscd, VirtualResidentCard card, int slot = 0)
    {
        var reader = slot == 0 ? PcscdFixture.Reader0 : PcscdFixture.Reader1;
        var insertion = await VpcdClient.InsertAsync(card, "127.0.0.1", pcscd.Port + slot, Wait);
        using var context = PcscContext.Establish();
        await context.WaitForCardAsync(reader, present: true, Wait);
        return new CardInReader(insertion, reader);
    }

    public async ValueTask DisposeAsync()
    {
        await _insertion.DisposeAsync();
        using var context = PcscContext.Establish();
        await context.WaitForCardAsync(Reader, present: false, Wait);
    }
}
