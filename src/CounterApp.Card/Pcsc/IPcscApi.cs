namespace CounterApp.Card.Pcsc;

/// <summary>
/// The PC/SC calls in one platform-neutral shape: return codes as 32-bit values, handles as nint. Each OS has
/// its own implementation because the C types differ (pcsc-lite's DWORD is <c>unsigned long</c>, 64-bit on
/// Linux x64; WinSCard's is 32-bit and its strings are UTF-16).
/// </summary>
internal interface IPcscApi
{
    uint EstablishContext(out nint context);

    uint ReleaseContext(nint context);

    uint ListReaders(nint context, out IReadOnlyList<string> readers);

    /// <summary>Updates <see cref="ReaderStateRecord.EventState"/> and <see cref="ReaderStateRecord.Atr"/> in place.</summary>
    uint GetStatusChange(nint context, uint timeoutMilliseconds, ReaderStateRecord[] states);

    uint Cancel(nint context);

    uint Connect(nint context, string reader, uint shareMode, uint protocols, out nint card, out uint activeProtocol);

    uint Reconnect(nint card, uint shareMode, uint protocols, uint initialization, out uint activeProtocol);

    uint Disconnect(nint card, uint disposition);

    uint BeginTransaction(nint card);

    uint EndTransaction(nint card, uint disposition);

    uint Transmit(nint card, uint protocol, byte[] send, int sendLength, byte[] receive, out int receiveLength);

    uint Status(nint card, out uint state, out uint protocol, out byte[] atr);
}

internal sealed class ReaderStateRecord(string reader, uint currentState)
{
    public string Reader { get; } = reader;

    public uint CurrentState { get; } = currentState;

    public uint EventState { get; set; }

    public byte[] Atr { get; set; } = [];
}

internal static class PcscConstants
{
    public const uint ScopeSystem = 2;
    public const uint ProtocolT0 = 1;
    public const uint ProtocolT1 = 2;
    public const uint LeaveCard = 0;
    public const uint ResetCard = 1;
    public const uint Infinite = 0xFFFFFFFF;
    public const int MaxAtrSize = 36;
    public const int MaxResponseSize = 65_536 + 2;
}
