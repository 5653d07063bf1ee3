namespace CounterApp.Card.Connection;

/// <summary>An exclusive hold on the card; disposing it ends the transaction and leaves the card as it is.</summary>
public interface ISmartCardTransaction : IAsyncDisposable
{
    /// <summary>
    /// True when the card was reset since this connection's previous exchange, so any verified PIN or issuer
    /// authentication is gone and the step starts again from SELECT.
    /// </summary>
    bool CardWasReset { get; }
}
