namespace CounterApp.Card.Connection;

/// <summary>
/// A connection to one card in one reader: the only thing the server needs to drive a card. Implemented by
/// PC/SC (<see cref="Pcsc.PcscConnection"/>), the reader agent's remote channel, and the in-process virtual card.
/// </summary>
/// <remarks>
/// Raw bytes in and out: chaining, GET RESPONSE and status words are the caller's business (<see cref="ApduChannel"/>).
/// When the card was reset or powered off by someone else, its security state (verified PINs, issuer
/// authentication) is gone: <see cref="TransmitAsync"/> then throws <see cref="CardResetException"/> once, and
/// the caller restarts the step from SELECT. A removed card throws <see cref="CardRemovedException"/>.
/// </remarks>
public interface ISmartCardConnection : IAsyncDisposable
{
    /// <summary>Sends one command APDU and returns the response APDU (data followed by SW1 SW2).</summary>
    Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the card for a sequence of commands that must not be interleaved with another application's
    /// (PC/SC SCardBeginTransaction); dispose the result to release it. Transactions do not nest.
    /// </summary>
    Task<ISmartCardTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);
}
