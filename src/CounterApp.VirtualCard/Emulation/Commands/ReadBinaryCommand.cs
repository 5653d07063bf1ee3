using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;

namespace CounterApp.VirtualCard.Emulation.Commands;

/// <summary>
/// READ BINARY of the current EF at the offset in P1 P2 (15 bits). The signing certificate needs the password
/// verified in this session; the key and the PIN EFs are never readable.
/// </summary>
internal static class ReadBinaryCommand
{
    public static ResponseApdu Handle(CardCore card, CommandApdu command)
    {
        if ((command.P1 & 0x80) != 0)
        {
            return CardCore.Status(StatusWord.FunctionNotSupported); // short EF identifiers
        }

        if (!card.TryCurrentEf(FileKind.Binary, out var fileId, out var refusal))
        {
            return refusal;
        }

        if (fileId == ResidentCardProfile.SigningCertificateEf && !card.Session.PasswordVerified)
        {
            return CardCore.Status(StatusWord.SecurityStatusNotSatisfied);
        }

        if (command.Ne == 0 || !command.Data.IsEmpty)
        {
            return CardCore.Status(StatusWord.WrongLength);
        }

        var content = card.ContentOf(fileId);
        var offset = command.P1P2;
        if (offset >= content.Length)
        {
            return CardCore.Status(StatusWord.WrongOffset);
        }

        var count = Math.Min(command.Ne, content.Length - offset);
        return CardCore.Ok(content.AsMemory(offset, count));
    }
}
