using CounterApp.Card.Apdu;

namespace CounterApp.Card.Client;

/// <summary>Short English explanations of status words, for logs and exception messages.</summary>
public static class StatusWordText
{
    public static string Describe(StatusWord sw) => sw.Value switch
    {
        0x9000 => "success",
        0x6300 => "authentication failed",
        0x6700 => "wrong length",
        0x6883 => "last command of the chain expected",
        0x6981 => "command incompatible with the file",
        0x6982 => "security status not satisfied",
        0x6983 => "authentication method blocked",
        0x6984 => "reference data not usable",
        0x6985 => "conditions of use not satisfied",
        0x6986 => "no current EF",
        0x6A80 => "incorrect data",
        0x6A81 => "function not supported",
        0x6A82 => "file not found",
        0x6A84 => "not enough memory",
        0x6A86 => "incorrect P1 P2",
        0x6A88 => "referenced data not found",
        0x6B00 => "offset outside the EF",
        0x6D00 => "instruction not supported",
        0x6E00 => "class not supported",
        _ when sw.TriesLeft is { } left => $"verification failed, {left} tries left",
        _ when sw.BytesAvailable is { } n => $"{n} more bytes available",
        _ => "unexpected status",
    };
}
