using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;

namespace CounterApp.VirtualCard.Emulation.Commands;

/// <summary>
/// SELECT: the JPKI application by name (P1 04), an EF inside it by identifier (P1 02), or the MF (P1 00).
/// Only P2 0C (no FCI) is supported. A failed SELECT leaves the current selection as it was.
/// </summary>
internal static class SelectCommand
{
    public static ResponseApdu Handle(CardCore card, CommandApdu command)
    {
        var session = card.Session;
        var data = command.Data.Span;
        switch (command.P1)
        {
            case 0x04:
                if (!data.SequenceEqual(ResidentCardProfile.Aid.Span))
                {
                    return CardCore.Status(StatusWord.FileNotFound);
                }

                if (command.P2 != 0x0C)
                {
                    return CardCore.Status(StatusWord.IncorrectP1P2);
                }

                session.ApplicationSelected = true;
                session.CurrentEf = null;
                return CardCore.Ok();

            case 0x02:
                if (command.P2 != 0x0C)
                {
                    return CardCore.Status(StatusWord.IncorrectP1P2);
                }

                if (data.Length != 2)
                {
                    return CardCore.Status(StatusWord.WrongLength);
                }

                var fileId = (ushort)((data[0] << 8) | data[1]);
                if (!session.ApplicationSelected || CardFiles.KindOf(fileId) is null)
                {
                    return CardCore.Status(StatusWord.FileNotFound);
                }

                session.CurrentEf = fileId;
                return CardCore.Ok();

            case 0x00:
                if (command.P2 != 0x0C)
                {
                    return CardCore.Status(StatusWord.IncorrectP1P2);
                }

                if (!data.IsEmpty && !(data.Length == 2 && ((data[0] << 8) | data[1]) == ResidentCardProfile.MasterFile))
                {
                    return CardCore.Status(StatusWord.FileNotFound);
                }

                session.ApplicationSelected = false;
                session.CurrentEf = null;
                return CardCore.Ok();

            default:
                return CardCore.Status(StatusWord.IncorrectP1P2);
        }
    }
}
