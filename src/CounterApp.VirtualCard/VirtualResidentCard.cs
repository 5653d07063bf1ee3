using System.Security.Cryptography;
using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.VirtualCard.Emulation;
using CounterApp.VirtualCard.Emulation.Commands;
using CounterApp.VirtualCard.State;

namespace CounterApp.VirtualCard;

/// <summary>
/// A software resident card implementing the whole profile (see CounterApp.Card's README). It answers raw
/// APDUs one at a time, handles command chaining and GET RESPONSE itself, and saves its state after every
/// command that changes it. Put it in a reader with <see cref="InProcess.VirtualCardReader"/> (in-process) or
/// <see cref="Vpcd.VpcdClient"/> (a real PC/SC stack).
/// </summary>
public sealed class VirtualResidentCard
{
    private const int MaxChainBytes = ResidentCardProfile.MaxCertificateBytes + 1024;
    private readonly Lock _gate = new();
    private readonly CardCore _core;
    private int _resetCount;

    internal VirtualResidentCard(CardState state, Action<CardState>? persist)
    {
        _core = new CardCore(state, persist);
    }

    public string Serial => _core.State.Serial;

    public static ReadOnlyMemory<byte> Atr => ResidentCardProfile.Atr;

    /// <summary>Test seam: where GENERATE KEY PAIR gets its RSA-2048 key (normally generated right then).</summary>
    internal Func<System.Security.Cryptography.RSA> KeyGenerator
    {
        get => _core.KeyGenerator;
        set => _core.KeyGenerator = value;
    }

    /// <summary>Grows on every reset or power-off, so a connection can tell its security state is gone.</summary>
    public int ResetCount => Volatile.Read(ref _resetCount);

    /// <summary>A card kept in memory only (tests, demos): nothing is written anywhere.</summary>
    public static VirtualResidentCard CreateInMemory(ReadOnlySpan<byte> masterSecret, ReadOnlySpan<byte> cardPin, string? serial = null)
    {
        serial ??= CardState.NewSerial();
        var key = CounterApp.Card.Issuer.IssuerKeyDerivation.DeriveCardKey(masterSecret, serial);
        return new VirtualResidentCard(CardState.CreateNew(serial, key, cardPin), persist: null);
    }

    /// <summary>Warm reset: selection, verified credentials and issuer authentication are forgotten.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _core.Session.Clear();
            Interlocked.Increment(ref _resetCount);
        }
    }

    /// <summary>Power off; the next command finds the card freshly powered (the same as a reset).</summary>
    public void PowerOff() => Reset();

    /// <summary>Processes one command APDU and returns the response APDU.</summary>
    public byte[] Process(ReadOnlySpan<byte> commandApdu)
    {
        var copy = commandApdu.ToArray();
        try
        {
            lock (_gate)
            {
                return Respond(copy).Encode();
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy); // it may hold a PIN or password
        }
    }

    /// <summary>What the card holds, without any secret: for the CLI's `show` and for diagnostics.</summary>
    public CardSummary Summarize()
    {
        lock (_gate)
        {
            return CardSummary.Of(_core);
        }
    }

    private ResponseApdu Respond(byte[] bytes)
    {
        CommandApdu command;
        try
        {
            command = CommandApdu.Parse(bytes);
        }
        catch (ApduFormatException)
        {
            return new ResponseApdu(StatusWord.WrongLength);
        }

        var session = _core.Session;
        if (command.Ins == Ins.GetResponse && (command.Cla & 0xEF) == 0x00)
        {
            return GetResponse(command);
        }

        session.Pending = null;
        if ((command.Cla & ~CommandApdu.ChainingBit) is not (0x00 or 0x80))
        {
            session.ForgetChain();
            return new ResponseApdu(StatusWord.ClassNotSupported);
        }

        if (command.IsChained)
        {
            return Chain(command);
        }

        if (session.Chain is { } chain && chain.Ins == command.Ins && chain.P1 == command.P1 && chain.P2 == command.P2)
        {
            // the last link: the command runs on the data of the whole chain
            Append(chain.Data, command.Data.Span);
            var whole = chain.Data.ToArray();
            session.ForgetChain();
            try
            {
                return Limit(Dispatch(command.WithData(whole)), command.Ne);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(whole);
            }
        }

        session.ForgetChain(); // another command breaks an unfinished chain
        return Limit(Dispatch(command), command.Ne);
    }

    private ResponseApdu Chain(CommandApdu command)
    {
        var session = _core.Session;
        if (session.Chain is not { } chain || chain.Ins != command.Ins || chain.P1 != command.P1 || chain.P2 != command.P2)
        {
            session.ForgetChain();
            chain = (command.Ins, command.P1, command.P2, new List<byte>(MaxChainBytes)); // never regrown, so zeroing reaches every byte
            session.Chain = chain;
        }

        if (chain.Data.Count + command.Data.Length > MaxChainBytes)
        {
            session.ForgetChain();
            return new ResponseApdu(StatusWord.WrongLength);
        }

        Append(chain.Data, command.Data.Span);
        return new ResponseApdu(StatusWord.Success);
    }

    // Byte by byte, so no unzeroed copy of a chained PIN is left behind.
    private static void Append(List<byte> chain, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            chain.Add(b);
        }
    }

    /// <summary>Answers at most Ne bytes; the rest waits for GET RESPONSE behind 61 xx.</summary>
    private ResponseApdu Limit(ResponseApdu response, int ne)
    {
        if (response.Data.Length <= ne)
        {
            return response;
        }

        var data = response.Data.ToArray();
        _core.Session.Pending = (data, ne, response.StatusWord.Value);
        return new ResponseApdu(data.AsMemory(0, ne), StatusWord.WithBytesAvailable(data.Length - ne));
    }

    private ResponseApdu GetResponse(CommandApdu command)
    {
        var session = _core.Session;
        if (session.Pending is not { } pending)
        {
            return new ResponseApdu(StatusWord.ConditionsNotSatisfied);
        }

        if (command.P1P2 != 0)
        {
            return new ResponseApdu(StatusWord.IncorrectP1P2);
        }

        var left = pending.Data.Length - pending.Offset;
        var count = Math.Min(left, Math.Max(command.Ne, 1));
        var chunk = pending.Data.AsMemory(pending.Offset, count);
        if (count == left)
        {
            session.Pending = null;
            return new ResponseApdu(chunk, new StatusWord(pending.FinalStatus));
        }

        session.Pending = (pending.Data, pending.Offset + count, pending.FinalStatus);
        return new ResponseApdu(chunk, StatusWord.WithBytesAvailable(left - count));
    }

    private ResponseApdu Dispatch(CommandApdu command)
    {
        var cla = command.Cla & ~CommandApdu.ChainingBit;
        return (cla, command.Ins) switch
        {
            (0x00, Ins.Select) => SelectCommand.Handle(_core, command),
            (0x00, Ins.ReadBinary) => ReadBinaryCommand.Handle(_core, command),
            (0x00, Ins.UpdateBinary) => UpdateBinaryCommand.Handle(_core, command),
            (0x00, Ins.Verify) => VerifyCommand.Handle(_core, command),
            (0x00, Ins.ChangeReferenceData) => ReferenceDataCommands.Change(_core, command),
            (0x00, Ins.ResetRetryCounter) => ReferenceDataCommands.ResetRetryCounter(_core, command),
            (0x00, Ins.GenerateKeyPair) => KeyCommands.GenerateOrRead(_core, command),
            (0x00, Ins.GetChallenge) => IssuerCommands.GetChallenge(_core, command),
            (0x00, Ins.ExternalAuthenticate) => IssuerCommands.ExternalAuthenticate(_core, command),
            (0x80, Ins.PerformSecurityOperation) => KeyCommands.ComputeSignature(_core, command),
            (0x00 or 0x80, _) => new ResponseApdu(StatusWord.InstructionNotSupported),
            _ => new ResponseApdu(StatusWord.ClassNotSupported),
        };
    }
}
