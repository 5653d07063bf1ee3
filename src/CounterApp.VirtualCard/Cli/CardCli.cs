namespace CounterApp.VirtualCard.Cli;

/// <summary>The command line: create, insert, remove, show (see the project README).</summary>
internal static class CardCli
{
    public const string Usage = """
        usage: CounterApp.VirtualCard <command> [options]
          create --master-secret-file FILE [--store DIR] [--serial HEX16] [--pin NNNN]
                 new card; without --pin the 4-digit card PIN is read from standard input
          insert --serial HEX16 [--store DIR] [--host 127.0.0.1] [--port 35963]
                 put the card into pcscd's vpcd reader until 'remove', Ctrl+C or SIGTERM
          remove --serial HEX16 [--store DIR]
                 take an inserted card out
          show   [--serial HEX16] [--store DIR]
                 list cards (never PINs, passwords or keys)
        the store defaults to ./cards
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TextReader input, CancellationToken cancellationToken)
    {
        if (args.Count == 0)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "create" => CreateCommand.Run(CliOptions.Parse(rest, CreateCommand.Options), output, input),
                "insert" => await InsertCommand.RunAsync(CliOptions.Parse(rest, InsertCommand.Options), output, cancellationToken),
                "remove" => RemoveCommand.Run(CliOptions.Parse(rest, RemoveCommand.Options), output),
                "show" => ShowCommand.Run(CliOptions.Parse(rest, ShowCommand.Options), output),
                _ => throw new CliUsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            await error.WriteLineAsync(Usage);
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }
}
