using CounterApp.ReaderAgent.Identity;
using CounterApp.Card.AgentProtocol;

namespace CounterApp.ReaderAgent.Tests;

public sealed class AgentUnitTests
{
    [Fact]
    public void Backoff_DoublesWithEqualJitterUpToTheMaximum()
    {
        var min = TimeSpan.FromSeconds(1);
        var max = TimeSpan.FromSeconds(60);

        Assert.Equal(TimeSpan.FromMilliseconds(500), Backoff.Delay(0, min, max, 0));
        Assert.Equal(TimeSpan.FromSeconds(1), Backoff.Delay(0, min, max, 1));
        Assert.Equal(TimeSpan.FromSeconds(4), Backoff.Delay(3, min, max, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), Backoff.Delay(20, min, max, 0));
        Assert.Equal(TimeSpan.FromSeconds(60), Backoff.Delay(int.MaxValue, min, max, 1));
        for (var attempt = 0; attempt < 5; attempt++) // below the cap
        {
            Assert.True(Backoff.Delay(attempt + 1, min, max, 0) >= Backoff.Delay(attempt, min, max, 0.999));
        }
    }

    [Theory]
    [InlineData("wss://townhall.example/agents/connect", true)]
    [InlineData("ws://127.0.0.1:5080/agents/connect", true)]
    [InlineData("ws://localhost:5080/agents/connect", true)]
    [InlineData("ws://[::1]:5080/agents/connect", true)]
    [InlineData("ws://townhall.example/agents/connect", false)]
    [InlineData("https://townhall.example/agents/connect", false)]
    public void Options_AllowPlainWebSocketsOnlyToLoopback(string server, bool valid)
    {
        var options = new AgentOptions { Server = new Uri(server) };
        Assert.Equal(valid, options.Problems().Count == 0);
    }

    [Fact]
    public void IdentityStore_RoundTripsTheKeyInOwnerOnlyFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "counterapp-agent-tests", "store-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new AgentIdentityStore(folder);
            Assert.Null(store.Load());
            using var key = AgentIdentity.NewKey();
            store.Save(42, "2番窓口 PC", key);

            using var loaded = store.Load();
            Assert.Equal(42, loaded!.AgentId);
            Assert.Equal("2番窓口 PC", loaded.Name);
            Assert.Equal(key.ExportSubjectPublicKeyInfo(), loaded.Key.ExportSubjectPublicKeyInfo());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.KeyPath));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.InfoPath));
            }

            File.WriteAllText(store.KeyPath, "not a key");
            Assert.Throws<InvalidDataException>(() => store.Load());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Proofs_BindThePurposeTheChallengeAndTheAgent()
    {
        var challenge = new byte[AgentProof.ChallengeLength];
        Assert.NotEqual(AgentProof.AuthenticatePayload(challenge, 1), AgentProof.AuthenticatePayload(challenge, 2));
        Assert.NotEqual(AgentProof.AuthenticatePayload(challenge, 1), AgentProof.EnrolPayload(challenge, "1"u8));
        Assert.StartsWith("CounterApp reader agent v1 authenticate\0", System.Text.Encoding.ASCII.GetString(AgentProof.AuthenticatePayload(challenge, 7)), StringComparison.Ordinal);
    }
}
