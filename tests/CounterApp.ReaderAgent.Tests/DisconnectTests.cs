using CounterApp.Card.Client;
using CounterApp.ReaderAgent.Tests.Support;
using CounterApp.Web.Agents;

namespace CounterApp.ReaderAgent.Tests;

/// <summary>
/// A card step never hangs on a lost or stuck agent: a dropped line fails the pending operation at once with
/// <see cref="AgentDisconnectedException"/>, a stuck card is answered "timeout"; the agent comes back by itself.
/// </summary>
[Collection(AgentServerGroup.Name)]
public sealed class DisconnectTests(AgentServer server)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Fact]
    [Trait("Rule", "R-CE-01")]
    public async Task GenerateKey_WhenTheLineDropsMidway_FailsWithAgentDisconnectedAndTheAgentComesBack()
    {
        var code = await server.IssueCodeAsync("drop-keygen");
        await using var relay = new TcpRelay(server.AgentEndpoint);
        await using var agent = new TestAgent(relay.Through(server.AgentEndpoint), code.Code);
        agent.Readers.Insert("Reader A", TestCards.New());
        agent.Readers.HoldKeyGeneration = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Start();
        await agent.WaitForAsync(AgentState.Connected);

        await using var connection = await server.Registry.OpenCardAsync(code.AgentId, "Reader A");
        var client = new ResidentCardClient(connection);
        await client.AuthenticateIssuerAsync(TestCards.MasterSecret);
        var keyGeneration = client.GenerateKeyPairAsync();
        await agent.Readers.KeyGenerationStarted.Task.WaitAsync(Prompt);

        relay.CutAll();

        var failure = await Assert.ThrowsAsync<AgentDisconnectedException>(() => keyGeneration.WaitAsync(Prompt));
        Assert.Contains("drop-keygen", failure.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AgentDisconnectedException>(() => client.ReadSerialAsync());

        // The card finishes on its own; the agent reconnects with backoff and the card is usable again, reset.
        agent.Readers.HoldKeyGeneration.SetResult();
        await Eventually.TrueAsync(() => server.Registry.Find(code.AgentId) is { Readers: [{ CardPresent: true }] }, "agent back");
        await using var again = await server.Registry.OpenCardAsync(code.AgentId, "Reader A");
        var error = await Assert.ThrowsAsync<CardCommandException>(() => new ResidentCardClient(again).GenerateKeyPairAsync());
        Assert.Equal(0x6982, error.StatusWord.Value); // no issuer authentication survived the drop
        Assert.True(agent.Runner.Attempts >= 2);
    }

    [Fact]
    public async Task Transmit_WhenTheCardHangs_TheAgentAnswersTimeoutAndTheSessionEnds()
    {
        var code = await server.IssueCodeAsync("stuck-card");
        await using var agent = new TestAgent(server.AgentEndpoint, code.Code);
        agent.Options.OperationTimeout = TimeSpan.FromSeconds(1);
        agent.Readers.Insert("Reader A", TestCards.New());
        agent.Readers.HoldKeyGeneration = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Start();
        await agent.WaitForAsync(AgentState.Connected);
        try
        {
            await using var connection = await server.Registry.OpenCardAsync(code.AgentId, "Reader A");
            var client = new ResidentCardClient(connection);
            await client.AuthenticateIssuerAsync(TestCards.MasterSecret);

            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => client.GenerateKeyPairAsync().WaitAsync(Prompt));
            Assert.Contains("did not answer", timeout.Message, StringComparison.Ordinal);

            var closed = await Assert.ThrowsAsync<AgentOperationException>(() => client.ReadSerialAsync());
            Assert.Equal("no-session", closed.Code);
            Assert.Equal(AgentState.Connected, agent.Runner.State);
        }
        finally
        {
            agent.Readers.HoldKeyGeneration.SetResult();
        }
    }
}
