using CounterApp.ReaderAgent.Tests.Support;

namespace CounterApp.ReaderAgent.Tests;

/// <summary>An unreachable server is retried with growing, jittered delays; the agent connects as soon as it can.</summary>
[Collection(AgentServerGroup.Name)]
public sealed class ReconnectTests(AgentServer server)
{
    [Fact]
    public async Task Agent_WhenTheServerIsUnreachable_RetriesWithGrowingDelaysThenConnects()
    {
        var code = await server.IssueCodeAsync("reconnect-pc");
        await using var relay = new TcpRelay(server.AgentEndpoint) { Refusing = true };
        await using var agent = new TestAgent(relay.Through(server.AgentEndpoint), code.Code);
        agent.Start();

        await Eventually.TrueAsync(() => relay.Attempts.Count >= 5, "five connection attempts");
        relay.Refusing = false;
        await agent.WaitForAsync(AgentState.Connected);

        var attempts = relay.Attempts;
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).Take(4).ToArray();
        // Minimum 100 ms, doubling, equal jitter: the gaps are about [50–100], [100–200], [200–400], [400–800] ms.
        // The lower bound is certain (no retry comes before its delay); without backoff every gap would be near 100 ms.
        Assert.True(gaps[3] >= TimeSpan.FromMilliseconds(390), $"fourth retry after {gaps[3].TotalMilliseconds} ms");
        Assert.True(gaps[0] < TimeSpan.FromSeconds(1), $"first retry after {gaps[0].TotalMilliseconds} ms");
        Assert.Equal(code.AgentId, server.Registry.Find(code.AgentId)?.AgentId);
    }
}
