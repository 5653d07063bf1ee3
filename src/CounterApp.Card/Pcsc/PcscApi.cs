namespace CounterApp.Card.Pcsc;

/// <summary>Picks the PC/SC binding for the running OS.</summary>
internal static class PcscApi
{
    private static readonly Lazy<IPcscApi> Instance = new(Create);

    public static IPcscApi Current => Instance.Value;

    private static IPcscApi Create()
    {
        if (OperatingSystem.IsWindows())
        {
            return new WinSCardApi();
        }

        if (OperatingSystem.IsLinux())
        {
            return new PcscLiteApi();
        }

        throw new PlatformNotSupportedException("PC/SC is supported on Linux (pcsc-lite) and Windows (WinSCard).");
    }
}
