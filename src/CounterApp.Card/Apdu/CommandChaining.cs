namespace CounterApp.Card.Apdu;

/// <summary>
/// Command chaining (ISO 7816-4 §5.4.1): a command whose data exceeds what one short APDU carries is sent as
/// several APDUs with the CLA chaining bit set on all but the last; only the last one carries Ne.
/// </summary>
public static class CommandChaining
{
    public static IReadOnlyList<CommandApdu> Split(CommandApdu command, int maxChunk = CommandApdu.MaxShortNc)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunk, 1);
        if (command.Data.Length <= maxChunk)
        {
            return [command];
        }

        var parts = new List<CommandApdu>();
        for (var at = 0; at < command.Data.Length; at += maxChunk)
        {
            var length = Math.Min(maxChunk, command.Data.Length - at);
            var last = at + length == command.Data.Length;
            var cla = last ? command.Cla : (byte)(command.Cla | CommandApdu.ChainingBit);
            parts.Add(new CommandApdu(cla, command.Ins, command.P1, command.P2, command.Data.Slice(at, length), last ? command.Ne : 0));
        }

        return parts;
    }
}
