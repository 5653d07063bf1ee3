using System.Runtime.InteropServices;

namespace CounterApp.Card.Pcsc;

/// <summary>
/// Windows (<c>winscard.dll</c>): DWORD and LONG are 32-bit, handles are pointer-sized, strings are UTF-16
/// (the *W entry points).
/// </summary>
internal sealed class WinSCardApi : IPcscApi
{
    private const int WindowsMaxAtrSize = 36;

    public uint EstablishContext(out nint context) =>
        Code(NativeMethods.SCardEstablishContext(PcscConstants.ScopeSystem, 0, 0, out context));

    public uint ReleaseContext(nint context) => Code(NativeMethods.SCardReleaseContext(context));

    public uint ListReaders(nint context, out IReadOnlyList<string> readers)
    {
        readers = [];
        uint length = 0;
        var rc = Code(NativeMethods.SCardListReadersW(context, null, null, ref length));
        if (rc != PcscError.Success)
        {
            return rc;
        }

        var buffer = new char[length];
        rc = Code(NativeMethods.SCardListReadersW(context, null, buffer, ref length));
        if (rc == PcscError.Success)
        {
            readers = MultiString.Split(new string(buffer, 0, (int)length));
        }

        return rc;
    }

    public uint GetStatusChange(nint context, uint timeoutMilliseconds, ReaderStateRecord[] states)
    {
        var native = new NativeMethods.ReaderState[states.Length];
        try
        {
            for (var i = 0; i < states.Length; i++)
            {
                native[i].Reader = Marshal.StringToHGlobalUni(states[i].Reader);
                native[i].CurrentState = states[i].CurrentState;
                native[i].Atr = new byte[WindowsMaxAtrSize];
            }

            var rc = Code(NativeMethods.SCardGetStatusChangeW(context, timeoutMilliseconds, native, (uint)native.Length));
            for (var i = 0; i < states.Length; i++)
            {
                states[i].EventState = native[i].EventState;
                states[i].Atr = native[i].Atr.AsSpan(0, Math.Min((int)native[i].AtrLength, WindowsMaxAtrSize)).ToArray();
            }

            return rc;
        }
        finally
        {
            foreach (var state in native)
            {
                Marshal.FreeHGlobal(state.Reader);
            }
        }
    }

    public uint Cancel(nint context) => Code(NativeMethods.SCardCancel(context));

    public uint Connect(nint context, string reader, uint shareMode, uint protocols, out nint card, out uint activeProtocol) =>
        Code(NativeMethods.SCardConnectW(context, (reader + '\0').ToCharArray(), shareMode, protocols, out card, out activeProtocol));

    public uint Reconnect(nint card, uint shareMode, uint protocols, uint initialization, out uint activeProtocol) =>
        Code(NativeMethods.SCardReconnect(card, shareMode, protocols, initialization, out activeProtocol));

    public uint Disconnect(nint card, uint disposition) => Code(NativeMethods.SCardDisconnect(card, disposition));

    public uint BeginTransaction(nint card) => Code(NativeMethods.SCardBeginTransaction(card));

    public uint EndTransaction(nint card, uint disposition) => Code(NativeMethods.SCardEndTransaction(card, disposition));

    public uint Transmit(nint card, uint protocol, byte[] send, int sendLength, byte[] receive, out int receiveLength)
    {
        var pci = new NativeMethods.IoRequest { Protocol = protocol, PciLength = (uint)Marshal.SizeOf<NativeMethods.IoRequest>() };
        var length = (uint)receive.Length;
        var rc = Code(NativeMethods.SCardTransmit(card, ref pci, send, (uint)sendLength, 0, receive, ref length));
        receiveLength = (int)length;
        return rc;
    }

    public uint Status(nint card, out uint state, out uint protocol, out byte[] atr)
    {
        uint nameLength = 0;
        var buffer = new byte[WindowsMaxAtrSize];
        var atrLength = (uint)buffer.Length;
        var rc = Code(NativeMethods.SCardStatusW(card, null, ref nameLength, out state, out protocol, buffer, ref atrLength));
        atr = buffer.AsSpan(0, (int)Math.Min(atrLength, (uint)buffer.Length)).ToArray();
        return rc;
    }

    private static uint Code(int result) => unchecked((uint)result);

    private static class NativeMethods
    {
        private const string Library = "winscard.dll";

        [StructLayout(LayoutKind.Sequential)]
        internal struct ReaderState
        {
            public nint Reader;
            public nint UserData;
            public uint CurrentState;
            public uint EventState;
            public uint AtrLength;
            [MarshalAs(UnmanagedType.ByValArray, SizeConst = WindowsMaxAtrSize)]
            public byte[] Atr;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct IoRequest
        {
            public uint Protocol;
            public uint PciLength;
        }

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardEstablishContext(uint scope, nint reserved1, nint reserved2, out nint context);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardReleaseContext(nint context);

        [DllImport(Library, CharSet = CharSet.Unicode)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardListReadersW(nint context, char[]? groups, [Out] char[]? readers, ref uint length);

        [DllImport(Library, CharSet = CharSet.Unicode)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardGetStatusChangeW(nint context, uint timeout, [In, Out] ReaderState[] states, uint count);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardCancel(nint context);

        [DllImport(Library, CharSet = CharSet.Unicode)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardConnectW(nint context, char[] reader, uint shareMode, uint protocols, out nint card, out uint activeProtocol);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardReconnect(nint card, uint shareMode, uint protocols, uint initialization, out uint activeProtocol);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardDisconnect(nint card, uint disposition);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardBeginTransaction(nint card);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardEndTransaction(nint card, uint disposition);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardTransmit(nint card, ref IoRequest sendPci, byte[] send, uint sendLength, nint receivePci, [Out] byte[] receive, ref uint receiveLength);

        [DllImport(Library, CharSet = CharSet.Unicode)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        internal static extern int SCardStatusW(nint card, char[]? readerNames, ref uint readerNamesLength, out uint state, out uint protocol, [Out] byte[] atr, ref uint atrLength);
    }
}
