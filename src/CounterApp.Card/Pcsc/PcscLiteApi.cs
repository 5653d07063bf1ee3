using System.Runtime.InteropServices;
using System.Text;

namespace CounterApp.Card.Pcsc;

/// <summary>
/// pcsc-lite (<c>libpcsclite.so.1</c>). Its DWORD and LONG are C <c>unsigned long</c> and <c>long</c>, so they
/// are <see cref="nuint"/> and <see cref="nint"/> here: 64-bit on Linux x64, 32-bit on 32-bit Linux.
/// Strings are UTF-8.
/// </summary>
internal sealed class PcscLiteApi : IPcscApi
{
    private const int LinuxMaxAtrSize = 33;

    public uint EstablishContext(out nint context) =>
        Code(NativeMethods.SCardEstablishContext(PcscConstants.ScopeSystem, 0, 0, out context));

    public uint ReleaseContext(nint context) => Code(NativeMethods.SCardReleaseContext(context));

    public uint ListReaders(nint context, out IReadOnlyList<string> readers)
    {
        readers = [];
        nuint length = 0;
        var rc = Code(NativeMethods.SCardListReaders(context, null, null, ref length));
        if (rc != PcscError.Success)
        {
            return rc;
        }

        var buffer = new byte[(int)length];
        rc = Code(NativeMethods.SCardListReaders(context, null, buffer, ref length));
        if (rc == PcscError.Success)
        {
            readers = MultiString.Split(Encoding.UTF8.GetString(buffer, 0, (int)length));
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
                native[i].Reader = Marshal.StringToCoTaskMemUTF8(states[i].Reader);
                native[i].CurrentState = states[i].CurrentState;
                native[i].Atr = new byte[LinuxMaxAtrSize];
            }

            var rc = Code(NativeMethods.SCardGetStatusChange(context, timeoutMilliseconds, native, (nuint)native.Length));
            for (var i = 0; i < states.Length; i++)
            {
                states[i].EventState = (uint)native[i].EventState;
                states[i].Atr = native[i].Atr.AsSpan(0, Math.Min((int)native[i].AtrLength, LinuxMaxAtrSize)).ToArray();
            }

            return rc;
        }
        finally
        {
            foreach (var state in native)
            {
                Marshal.FreeCoTaskMem(state.Reader);
            }
        }
    }

    public uint Cancel(nint context) => Code(NativeMethods.SCardCancel(context));

    public uint Connect(nint context, string reader, uint shareMode, uint protocols, out nint card, out uint activeProtocol)
    {
        var rc = Code(NativeMethods.SCardConnect(context, Utf8z(reader), shareMode, protocols, out card, out var active));
        activeProtocol = (uint)active;
        return rc;
    }

    public uint Reconnect(nint card, uint shareMode, uint protocols, uint initialization, out uint activeProtocol)
    {
        var rc = Code(NativeMethods.SCardReconnect(card, shareMode, protocols, initialization, out var active));
        activeProtocol = (uint)active;
        return rc;
    }

    public uint Disconnect(nint card, uint disposition) => Code(NativeMethods.SCardDisconnect(card, disposition));

    public uint BeginTransaction(nint card) => Code(NativeMethods.SCardBeginTransaction(card));

    public uint EndTransaction(nint card, uint disposition) => Code(NativeMethods.SCardEndTransaction(card, disposition));

    public uint Transmit(nint card, uint protocol, byte[] send, int sendLength, byte[] receive, out int receiveLength)
    {
        var pci = new NativeMethods.IoRequest { Protocol = protocol, PciLength = (nuint)Marshal.SizeOf<NativeMethods.IoRequest>() };
        var length = (nuint)receive.Length;
        var rc = Code(NativeMethods.SCardTransmit(card, ref pci, send, (nuint)sendLength, 0, receive, ref length));
        receiveLength = (int)length;
        return rc;
    }

    public uint Status(nint card, out uint state, out uint protocol, out byte[] atr)
    {
        nuint nameLength = 0;
        var buffer = new byte[PcscConstants.MaxAtrSize];
        var atrLength = (nuint)buffer.Length;
        var rc = Code(NativeMethods.SCardStatus(card, null, ref nameLength, out var nativeState, out var nativeProtocol, buffer, ref atrLength));
        state = (uint)nativeState;
        protocol = (uint)nativeProtocol;
        atr = buffer.AsSpan(0, (int)Math.Min(atrLength, (nuint)buffer.Length)).ToArray();
        return rc;
    }

    // LONG results such as 0x80100069 are positive 64-bit values; the low 32 bits are the SCARD code.
    private static uint Code(nint result) => unchecked((uint)(long)result);

    private static byte[] Utf8z(string text) => Encoding.UTF8.GetBytes(text + '\0');

    private static class NativeMethods
    {
        private const string Library = "libpcsclite.so.1";

        [StructLayout(LayoutKind.Sequential)]
        internal struct ReaderState
        {
            public nint Reader;
            public nint UserData;
            public nuint CurrentState;
            public nuint EventState;
            public nuint AtrLength;
            [MarshalAs(UnmanagedType.ByValArray, SizeConst = LinuxMaxAtrSize)]
            public byte[] Atr;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct IoRequest
        {
            public nuint Protocol;
            public nuint PciLength;
        }

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardEstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardReleaseContext(nint context);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardListReaders(nint context, byte[]? groups, byte[]? readers, ref nuint length);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardGetStatusChange(nint context, nuint timeout, [In, Out] ReaderState[] states, nuint count);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardCancel(nint context);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardConnect(nint context, byte[] reader, nuint shareMode, nuint protocols, out nint card, out nuint activeProtocol);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardReconnect(nint card, nuint shareMode, nuint protocols, nuint initialization, out nuint activeProtocol);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardDisconnect(nint card, nuint disposition);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardBeginTransaction(nint card);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardEndTransaction(nint card, nuint disposition);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardTransmit(nint card, ref IoRequest sendPci, byte[] send, nuint sendLength, nint receivePci, byte[] receive, ref nuint receiveLength);

        [DllImport(Library)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern nint SCardStatus(nint card, byte[]? readerNames, ref nuint readerNamesLength, out nuint state, out nuint protocol, byte[] atr, ref nuint atrLength);
    }
}
