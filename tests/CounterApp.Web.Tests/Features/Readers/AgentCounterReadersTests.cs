using CounterApp.Card.AgentProtocol;
using CounterApp.Card.Connection;
using CounterApp.Web.Agents;
using CounterApp.Web.Features.Readers;
using Microsoft.Extensions.Logging.Abstractions;

namespace CounterApp.Web.Tests.Features.Readers;

/// <summary>The agent-backed readers over a real registry, with fake agents connected over loopback WebSockets.</summary>
public sealed class AgentCounterReadersTests : IDisposable
{
    private const int Counter = 7;
    private readonly AgentRegistry _registry = new(NullLogger<AgentRegistry>.Instance);
    private readonly AgentCounterReaders _readers;

    public AgentCounterReadersTests() => _readers = new AgentCounterReaders(_registry);

    [Fact]
    public async Task StateOf_WhenNoAgentIsConnected_IsOfflineAndOpenThrowsAgentOffline()
    {
        Assert.Equal(CounterReaderState.Offline, _readers.StateOf(Counter));

        var error = await Assert.ThrowsAsync<ReaderUnavailableException>(() => _readers.OpenCardAsync(Counter, TestContext.Current.CancellationToken));

        Assert.Equal(ReaderUnavailableReason.AgentOffline, error.Reason);
    }

    [Fact]
    public async Task StateOf_WhenTheAgentHasNoReader_IsConnectedWithoutReaderAndOpenThrowsNoReader()
    {
        await using var agent = await FakeAgent.ConnectAsync(_registry, 1, Counter);
        await agent.ReportAsync(_registry, 1);

        Assert.Equal(new CounterReaderState(true, false, false, false, null), _readers.StateOf(Counter));
        var error = await Assert.ThrowsAsync<ReaderUnavailableException>(() => _readers.OpenCardAsync(Counter, TestContext.Current.CancellationToken));
        Assert.Equal(ReaderUnavailableReason.NoReader, error.Reason);
        Assert.Equal(0, agent.Opens);
    }

    [Fact]
    public async Task StateOf_WhenTheReaderIsEmpty_ShowsTheReaderAndOpenThrowsNoCard()
    {
        await using var agent = await FakeAgent.ConnectAsync(_registry, 2, Counter);
        await agent.ReportAsync(_registry, 2, ("Reader A", false));

        Assert.Equal(new CounterReaderState(true, true, false, false, "Reader A"), _readers.StateOf(Counter));
        var error = await Assert.ThrowsAsync<ReaderUnavailableException>(() => _readers.OpenCardAsync(Counter, TestContext.Current.CancellationToken));
        Assert.Equal(ReaderUnavailableReason.NoCard, error.Reason);
    }

    [Fact]
    public async Task OpenCard_WhenACardIsInTheReader_ReturnsTheAgentsConnectionToThatReader()
    {
        await using var agent = await FakeAgent.ConnectAsync(_registry, 3, Counter);
        await agent.ReportAsync(_registry, 3, ("Reader A", false), ("Reader B", true));

        Assert.Equal(new CounterReaderState(true, true, true, false, "Reader B"), _readers.StateOf(Counter));
        await using var connection = await _readers.OpenCardAsync(Counter, TestContext.Current.CancellationToken);

        var remote = Assert.IsType<RemoteCardConnection>(connection);
        Assert.Equal(("Reader B", 3L), (remote.Reader, remote.AgentId));
        Assert.Equal([0x90, 0x00], await connection.TransmitAsync(new byte[] { 0x00, 0xA4, 0x04, 0x00 }, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(ErrorCodes.Busy, ReaderUnavailableReason.Busy)]
    [InlineData(ErrorCodes.Removed, ReaderUnavailableReason.NoCard)]
    [InlineData(ErrorCodes.NoCard, ReaderUnavailableReason.NoCard)]
    [InlineData(ErrorCodes.UnknownReader, ReaderUnavailableReason.NoReader)]
    public async Task OpenCard_WhenTheAgentRefusesTheOpen_ThrowsTheMatchingReason(string code, ReaderUnavailableReason expected)
    {
        await using var agent = await FakeAgent.ConnectAsync(_registry, 4, Counter);
        await agent.ReportAsync(_registry, 4, ("Reader A", true));
        agent.OpenError = code;

        var error = await Assert.ThrowsAsync<ReaderUnavailableException>(() => _readers.OpenCardAsync(Counter, TestContext.Current.CancellationToken));

        Assert.Equal(expected, error.Reason);
        Assert.NotNull(error.InnerException);
        Assert.Equal(1, agent.Opens);
    }

    [Fact]
    public async Task OpenCard_WhenTheAgentDisconnectsBeforeAnswering_ThrowsAgentOffline()
    {
        var agent = await FakeAgent.ConnectAsync(_registry, 5, Counter);
        await agent.ReportAsync(_registry, 5, ("Reader A", true));
        agent.OpenError = FakeAgent.Silent;

        var opening = _readers.OpenCardAsync(Counter, TestContext.Current.CancellationToken);
        while (agent.Opens == 0)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await agent.DisposeAsync();
        var error = await Assert.ThrowsAsync<ReaderUnavailableException>(() => opening);

        Assert.Equal(ReaderUnavailableReason.AgentOffline, error.Reason);
        Assert.IsType<AgentDisconnectedException>(error.InnerException);
        Assert.Equal(CounterReaderState.Offline, _readers.StateOf(Counter));
    }

    [Fact]
    public async Task OpenCard_WhenCardsAreInTwoReaders_ThrowsSeveralCardsWithoutAskingTheAgent()
    {
        await using var agent = await FakeAgent.ConnectAsync(_registry, 6, Counter);
        await agent.ReportAsync(_registry, 6, ("Reader A", true), ("Reader B", true));

        var error = await Assert.ThrowsAsync<ReaderUnavailableException>(() => _readers.OpenCardAsync(Counter, TestContext.Current.CancellationToken));

        Assert.Equal(ReaderUnavailableReason.SeveralCards, error.Reason);
        Assert.Equal(0, agent.Opens);
    }

    [Fact]
    public async Task Changed_WhenTheCountersAgentReportsACard_IsRaisedForThatCounter()
    {
        var changes = new List<int>();
        _readers.Changed += (_, e) =>
        {
            lock (changes)
            {
                changes.Add(e.CounterId);
            }
        };
        await using var agent = await FakeAgent.ConnectAsync(_registry, 8, Counter);

        await agent.ReportAsync(_registry, 8, ("Reader A", true));

        lock (changes)
        {
            Assert.True(changes.Count >= 2, "connected and readers reported");
            Assert.All(changes, c => Assert.Equal(Counter, c));
        }
    }

    [Theory]
    [InlineData("disconnected", ReaderUnavailableReason.AgentOffline)]
    [InlineData("timeout", ReaderUnavailableReason.AgentOffline)]
    [InlineData("removed", ReaderUnavailableReason.NoCard)]
    [InlineData("busy", ReaderUnavailableReason.Busy)]
    [InlineData("unknown-reader", ReaderUnavailableReason.NoReader)]
    [InlineData("several-cards", ReaderUnavailableReason.SeveralCards)]
    [InlineData("failed", null)]
    [InlineData("disposed", null)]
    [InlineData("reset", null)]
    public void ReasonFor_WhenTheRegistryThrows_MapsOnlyAvailabilityErrors(string thrown, ReaderUnavailableReason? expected)
    {
        Exception error = thrown switch
        {
            "disconnected" => new AgentDisconnectedException(),
            "timeout" => new TimeoutException(),
            "removed" => new CardRemovedException(),
            "busy" => new AgentOperationException(ErrorCodes.Busy, "busy"),
            "unknown-reader" => new AgentOperationException(ErrorCodes.UnknownReader, "unknown"),
            "several-cards" => new InvalidOperationException("several cards"),
            "failed" => new AgentOperationException(ErrorCodes.Failed, "failed"),
            "disposed" => new ObjectDisposedException("connection"),
            _ => new CardResetException(),
        };

        Assert.Equal(expected, AgentCounterReaders.ReasonFor(error));
    }

    public void Dispose() => _readers.Dispose();
}
