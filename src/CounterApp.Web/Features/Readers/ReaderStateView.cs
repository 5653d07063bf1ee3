namespace CounterApp.Web.Features.Readers;

/// <summary>
/// The JSON of <c>GET /api/counters/{counterId}/reader</c> (camelCase), polled by wwwroot/js/reader-state.js:
/// the reader's state and <see cref="Label"/>, one line in the request's UI culture.
/// </summary>
public sealed record ReaderStateView(bool AgentConnected, bool ReaderPresent, bool CardPresent, bool Simulated, string? ReaderName, string Label)
{
    public static ReaderStateView Of(CounterReaderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.AgentConnected, state.ReaderPresent, state.CardPresent, state.Simulated, state.ReaderName, ReaderText.Label(state));
    }
}
