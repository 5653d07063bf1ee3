using CounterApp.ReaderAgent.Tests.Support;
using CounterApp.Web.Agents;

namespace CounterApp.ReaderAgent.Tests;

/// <summary>The agent reports its readers and every card inserted or removed; the server's registry follows, per counter.</summary>
[Collection(AgentServerGroup.Name)]
public sealed class CardEventTests(AgentServer server)
{
    [Fact]
    public async Task CardInsertedAndRemoved_ReachTheRegistryOfTheCounter()
    {
        var counterId = await server.AddCounterAsync("events counter");
        var code = await server.IssueCodeAsync("events-pc", counterId);
        await using var agent = new TestAgent(server.AgentEndpoint, code.Code, "Reader A", "Reader B");
        var events = new List<AgentEventArgs>();
        void Record(object? sender, AgentEventArgs e)
        {
            if (e.Agent.AgentId == code.AgentId)
            {
                lock (events)
                {
                    events.Add(e);
                }
            }
        }

        server.Registry.Changed += Record;
        try
        {
            agent.Start();
            await Eventually.TrueAsync(() => server.Registry.AtCounter(counterId) is [{ Readers.Count: 2 }], "both readers reported");
            Assert.All(server.Registry.AtCounter(counterId)[0].Readers, r => Assert.False(r.CardPresent));

            agent.Readers.Insert("Reader B", TestCards.New());
            await Eventually.TrueAsync(() => Reader(counterId, "Reader B").CardPresent, "card in Reader B");
            Assert.Equal("3BE000FF8131FE4514", Reader(counterId, "Reader B").Atr);
            Assert.False(Reader(counterId, "Reader A").CardPresent);

            agent.Readers.Remove("Reader B");
            await Eventually.TrueAsync(() => !Reader(counterId, "Reader B").CardPresent, "card out of Reader B");
        }
        finally
        {
            server.Registry.Changed -= Record;
        }

        lock (events)
        {
            Assert.Equal(
                [AgentEventKind.Connected, AgentEventKind.ReadersChanged, AgentEventKind.CardInserted, AgentEventKind.CardRemoved],
                events.Select(e => e.Kind));
            Assert.Equal("Reader B", events[2].Reader);
            Assert.Equal(counterId, events[2].Agent.CounterId);
        }
    }

    [Fact]
    public async Task Disconnect_WhenAgentStops_LeavesTheRegistry()
    {
        var code = await server.IssueCodeAsync("events-stop");
        var agent = new TestAgent(server.AgentEndpoint, code.Code);
        agent.Start();
        await Eventually.TrueAsync(() => server.Registry.Find(code.AgentId) is not null, "agent registered");

        await agent.DisposeAsync();

        await Eventually.TrueAsync(() => server.Registry.Find(code.AgentId) is null, "agent gone from the registry");
    }

    private AgentReader Reader(int counterId, string name) =>
        server.Registry.AtCounter(counterId).SelectMany(a => a.Readers).Single(r => r.Name == name);
}
