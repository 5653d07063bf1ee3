namespace CounterApp.VirtualCard.Cli;

/// <summary>remove: deletes the marker the inserting process watches; it then closes its vpcd connection.</summary>
internal static class RemoveCommand
{
    public static readonly IReadOnlySet<string> Options = new HashSet<string>(StringComparer.Ordinal) { "store", "serial" };

    public static int Run(CliOptions options, TextWriter output)
    {
        var store = options.Store();
        var serial = options.Require("serial");
        var marker = InsertCommand.MarkerPath(store, serial);
        if (!File.Exists(marker))
        {
            output.WriteLine($"card {serial} is not inserted");
            return 1;
        }

        File.Delete(marker);
        output.WriteLine($"card {serial} is being removed");
        return 0;
    }
}
