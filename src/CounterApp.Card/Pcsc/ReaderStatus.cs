namespace CounterApp.Card.Pcsc;

/// <summary>
/// One reader's state as SCardGetStatusChange reports it. <see cref="RawState"/> keeps the event counter in
/// its high 16 bits; pass the status back unchanged to wait for the next change.
/// </summary>
public sealed record ReaderStatus(string Reader, uint RawState, byte[] Atr)
{
    public ReaderStates States => (ReaderStates)(RawState & 0xFFFF);

    public bool IsCardPresent => States.HasFlag(ReaderStates.Present) && !States.HasFlag(ReaderStates.Mute);

    /// <summary>A status that asks for the current state at once.</summary>
    public static ReaderStatus Unaware(string reader) => new(reader, 0, []);
}
