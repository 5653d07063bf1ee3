namespace CounterApp.ReaderAgent.Tests;

/// <summary>The protocol types exist twice (agent and server, see the agent's README); they must not drift apart.</summary>
public sealed class ProtocolMirrorTests
{
    [Theory]
    [InlineData("AgentMessage.cs")]
    [InlineData("AgentProof.cs")]
    [InlineData("MessageSocket.cs")]
    public void ProtocolFile_IsTheSameInTheAgentAndTheServer(string file)
    {
        var root = RepositoryRoot();
        var agent = Code(Path.Combine(root, "src", "CounterApp.ReaderAgent", "Protocol", file));
        var server = Code(Path.Combine(root, "src", "CounterApp.Web", "Agents", "Protocol", file));

        Assert.Equal(agent, server);
    }

    // Namespaces and comments differ on purpose; everything else is the contract.
    private static string[] Code(string path) =>
        [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => !l.StartsWith("namespace ", StringComparison.Ordinal) && !l.StartsWith("//", StringComparison.Ordinal))];

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CounterApp.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CounterApp.sln above {AppContext.BaseDirectory}.");
    }
}
