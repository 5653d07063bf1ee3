namespace CounterApp.Card.Pcsc;

/// <summary>The PC/SC return codes this code tells apart (identical on pcsc-lite and WinSCard).</summary>
public static class PcscError
{
    public const uint Success = 0;
    public const uint Cancelled = 0x80100002;
    public const uint InvalidHandle = 0x80100003;
    public const uint InsufficientBuffer = 0x80100008;
    public const uint UnknownReader = 0x80100009;
    public const uint Timeout = 0x8010000A;
    public const uint SharingViolation = 0x8010000B;
    public const uint NoSmartCard = 0x8010000C;
    public const uint ProtocolMismatch = 0x8010000F;
    public const uint NotTransacted = 0x80100016;
    public const uint ReaderUnavailable = 0x80100017;
    public const uint NoService = 0x8010001D;
    public const uint ServiceStopped = 0x8010001E;
    public const uint NoReadersAvailable = 0x8010002E;
    public const uint UnresponsiveCard = 0x80100066;
    public const uint UnpoweredCard = 0x80100067;
    public const uint ResetCard = 0x80100068;
    public const uint RemovedCard = 0x80100069;

    public static string Name(uint code) => code switch
    {
        Success => "SCARD_S_SUCCESS",
        Cancelled => "SCARD_E_CANCELLED",
        InvalidHandle => "SCARD_E_INVALID_HANDLE",
        InsufficientBuffer => "SCARD_E_INSUFFICIENT_BUFFER",
        UnknownReader => "SCARD_E_UNKNOWN_READER",
        Timeout => "SCARD_E_TIMEOUT",
        SharingViolation => "SCARD_E_SHARING_VIOLATION",
        NoSmartCard => "SCARD_E_NO_SMARTCARD",
        ProtocolMismatch => "SCARD_E_PROTO_MISMATCH",
        NotTransacted => "SCARD_E_NOT_TRANSACTED",
        ReaderUnavailable => "SCARD_E_READER_UNAVAILABLE",
        NoService => "SCARD_E_NO_SERVICE",
        ServiceStopped => "SCARD_E_SERVICE_STOPPED",
        NoReadersAvailable => "SCARD_E_NO_READERS_AVAILABLE",
        UnresponsiveCard => "SCARD_W_UNRESPONSIVE_CARD",
        UnpoweredCard => "SCARD_W_UNPOWERED_CARD",
        ResetCard => "SCARD_W_RESET_CARD",
        RemovedCard => "SCARD_W_REMOVED_CARD",
        _ => $"0x{code:X8}",
    };
}
