namespace CounterApp.ReaderAgent;

// A named entry point, not top-level statements: the tests see this assembly's internals and the web app's Program.
internal static class AgentProgram
{
    public static async Task<int> Main(string[] args)
    {
        // `enrol` once with the administrator's code; afterwards the service runs with the stored credential.
        if (args is ["enrol", .. var enrolArgs])
        {
            return await EnrolCommand.RunAsync(enrolArgs);
        }

        var builder = Host.CreateApplicationBuilder(args);
        builder.AddReaderAgent();
        await builder.Build().RunAsync();
        return 0;
    }
}
