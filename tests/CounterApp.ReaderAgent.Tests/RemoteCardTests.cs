using CounterApp.Card.Client;
using CounterApp.Card.Connection;
using CounterApp.ReaderAgent.Tests.Support;
using CounterApp.Web.Agents;

namespace CounterApp.ReaderAgent.Tests;

/// <summary>The server drives the card at a counter PC through the agent, which only relays APDUs.</summary>
[Collection(AgentServerGroup.Name)]
public sealed class RemoteCardTests(AgentServer server)
{
    [Fact]
    [Trait("Rule", "R-CE-01")]
    [Trait("Rule", "R-CE-05")]
    public async Task ResidentCardClient_ThroughTheAgent_ReadsSerialVerifiesPinAndGeneratesTheKeyOnTheCard()
    {
        var counterId = await server.AddCounterAsync("card counter");
        var code = await server.IssueCodeAsync("card-pc", counterId);
        await using var agent = new TestAgent(server.AgentEndpoint, code.Code);
        var card = TestCards.New();
        agent.Readers.Insert("Reader A", card);
        agent.Start();
        await Eventually.TrueAsync(() => server.Registry.AtCounter(counterId) is [{ Readers: [{ CardPresent: true }] }], "card reported");

        await using (var connection = await server.Registry.OpenCardAtCounterAsync(counterId))
        {
            Assert.Equal("Reader A", connection.Reader);
            Assert.Equal(code.AgentId, connection.AgentId);
            var client = new ResidentCardClient(connection);
            await using var transaction = await connection.BeginTransactionAsync();

            Assert.Equal(card.Serial, await client.ReadSerialAsync());
            Assert.Equal(CredentialOutcome.Wrong, (await client.VerifyCardPinAsync("0000".AsMemory())).Outcome);
            Assert.True((await client.VerifyCardPinAsync(TestCards.CardPin.AsMemory())).IsVerified);
            await client.AuthenticateIssuerAsync(TestCards.MasterSecret);
            var publicKey = await client.GenerateKeyPairAsync();

            Assert.Equal(256, publicKey.Modulus.Length);
            var read = await client.ReadPublicKeyAsync();
            Assert.Equal(publicKey.Modulus, read!.Modulus);
        }

        // Closing the session reset the card: the issuer authentication did not outlive it.
        await using (var again = await server.Registry.OpenCardAtCounterAsync(counterId))
        {
            var error = await Assert.ThrowsAsync<CardCommandException>(() => new ResidentCardClient(again).GenerateKeyPairAsync());
            Assert.Equal(0x6982, error.StatusWord.Value);
        }
    }

    [Fact]
    public async Task OpenCard_WhenTheReaderServesAnotherSession_IsRefusedAsBusy()
    {
        var code = await server.IssueCodeAsync("card-busy");
        await using var agent = new TestAgent(server.AgentEndpoint, code.Code);
        agent.Readers.Insert("Reader A", TestCards.New());
        agent.Start();
        await agent.WaitForAsync(AgentState.Connected);

        await using (await server.Registry.OpenCardAsync(code.AgentId, "Reader A"))
        {
            var busy = await Assert.ThrowsAsync<AgentOperationException>(() => server.Registry.OpenCardAsync(code.AgentId, "Reader A"));
            Assert.Equal("busy", busy.Code);
        }

        await using var next = await server.Registry.OpenCardAsync(code.AgentId, "Reader A");
        Assert.NotNull(await new ResidentCardClient(next).ReadSerialAsync());
        var unknown = await Assert.ThrowsAsync<AgentOperationException>(() => server.Registry.OpenCardAsync(code.AgentId, "Reader Z"));
        Assert.Equal("unknown-reader", unknown.Code);
    }

    [Fact]
    public async Task Transmit_WhenTheCardIsPulledDuringTheSession_ThrowsCardRemoved()
    {
        var code = await server.IssueCodeAsync("card-pulled");
        await using var agent = new TestAgent(server.AgentEndpoint, code.Code);
        agent.Readers.Insert("Reader A", TestCards.New());
        agent.Start();
        await agent.WaitForAsync(AgentState.Connected);

        await using (var connection = await server.Registry.OpenCardAsync(code.AgentId, "Reader A"))
        {
            var client = new ResidentCardClient(connection);
            await client.ReadSerialAsync();
            agent.Readers.Remove("Reader A");

            await Assert.ThrowsAsync<CardRemovedException>(() => client.ReadSerialAsync());
        }

        await Assert.ThrowsAsync<CardRemovedException>(() => server.Registry.OpenCardAsync(code.AgentId, "Reader A"));
    }

    [Fact]
    public async Task OpenCardAtCounter_WhenNoAgentOrNoCard_SaysWhich()
    {
        var counterId = await server.AddCounterAsync("empty counter");
        await Assert.ThrowsAsync<AgentDisconnectedException>(() => server.Registry.OpenCardAtCounterAsync(counterId));

        var code = await server.IssueCodeAsync("card-none", counterId);
        await using var agent = new TestAgent(server.AgentEndpoint, code.Code);
        agent.Start();
        await Eventually.TrueAsync(() => server.Registry.AtCounter(counterId) is [{ Readers.Count: 1 }], "reader reported");

        await Assert.ThrowsAsync<CardRemovedException>(() => server.Registry.OpenCardAtCounterAsync(counterId));
    }
}
