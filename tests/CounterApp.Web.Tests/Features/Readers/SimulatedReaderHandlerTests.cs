using CounterApp.Web.Agents;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CounterApp.Web.Tests.Features.Readers;

/// <summary>The simulation panel's insert and remove, audited, on both providers.</summary>
public sealed class SimulatedReaderHandlerTests(PostgresServer postgres)
{
    private const string Clerk = "clerk";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    public async Task InsertAsync_WhenTheReaderIsEmpty_PutsTheCardInAndAuditsIt(DatabaseProvider provider)
    {
        await using var kit = await ReadersKit.CreateAsync(provider, postgres);
        var card = await kit.CardAsync("K0001");
        await using var db = kit.Database.NewContext();

        var outcome = await kit.Handler(db).InsertAsync(kit.CounterId, card.Id, Clerk, TestContext.Current.CancellationToken);

        Assert.Equal(SimulatedReaderOutcome.Inserted, outcome);
        Assert.Equal(new CounterReaderState(true, true, true, true, SimulatedCounterReaders.ReaderName), kit.Readers.StateOf(kit.CounterId));
        Assert.Equal("K0001", kit.Readers.CardAt(kit.CounterId));
        var audit = Assert.Single(await kit.AuditAsync(SimulatedReaderHandler.InsertedAction));
        Assert.Equal((Clerk, "2番窓口（住基戸籍班）", card.Resident!.ResidentCode, "succeeded"), (audit.Actor, audit.Counter, audit.ResidentCode, audit.Outcome));
        Assert.Contains("\"cardNumber\":\"K0001\"", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(SimulatedCards.DemoCardPin, audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    public async Task InsertAsync_WhenAnotherCardIsInTheReader_RefusesKeepsTheFirstAndAuditsTheRefusal(DatabaseProvider provider)
    {
        await using var kit = await ReadersKit.CreateAsync(provider, postgres);
        var first = await kit.CardAsync("K0001");
        var second = await kit.CardAsync("K0002");
        await using var db = kit.Database.NewContext();
        var handler = kit.Handler(db);
        await handler.InsertAsync(kit.CounterId, first.Id, Clerk, TestContext.Current.CancellationToken);

        var outcome = await handler.InsertAsync(kit.CounterId, second.Id, Clerk, TestContext.Current.CancellationToken);

        Assert.Equal(SimulatedReaderOutcome.ReaderOccupied, outcome);
        Assert.Equal("K0001", kit.Readers.CardAt(kit.CounterId));
        var audits = await kit.AuditAsync(SimulatedReaderHandler.InsertedAction);
        Assert.Equal(["succeeded", "refused"], audits.Select(a => a.Outcome));
        Assert.Contains("\"reason\":\"ReaderOccupied\"", audits[1].Details, StringComparison.Ordinal);
        Assert.Equal(second.Resident!.ResidentCode, audits[1].ResidentCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    public async Task RemoveAsync_WhenACardIsIn_EmptiesTheReaderAndAuditsIt(DatabaseProvider provider)
    {
        await using var kit = await ReadersKit.CreateAsync(provider, postgres);
        var card = await kit.CardAsync("K0002");
        await using var db = kit.Database.NewContext();
        var handler = kit.Handler(db);
        await handler.InsertAsync(kit.CounterId, card.Id, Clerk, TestContext.Current.CancellationToken);

        var outcome = await handler.RemoveAsync(kit.CounterId, "supervisor", TestContext.Current.CancellationToken);
        var again = await handler.RemoveAsync(kit.CounterId, "supervisor", TestContext.Current.CancellationToken);

        Assert.Equal((SimulatedReaderOutcome.Removed, SimulatedReaderOutcome.ReaderEmpty), (outcome, again));
        Assert.False(kit.Readers.StateOf(kit.CounterId).CardPresent);
        Assert.Null(kit.Readers.CardAt(kit.CounterId));
        var audits = await kit.AuditAsync(SimulatedReaderHandler.RemovedAction);
        Assert.Equal(["succeeded", "refused"], audits.Select(a => a.Outcome));
        Assert.Equal(("supervisor", card.Resident!.ResidentCode), (audits[0].Actor, audits[0].ResidentCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertAsync_WhenTheCardOrCounterDoesNotExist_RefusesWithoutTouchingTheReader(DatabaseProvider provider)
    {
        await using var kit = await ReadersKit.CreateAsync(provider, postgres);
        var card = await kit.CardAsync("K0001");
        await using var db = kit.Database.NewContext();
        var handler = kit.Handler(db);

        var unknownCard = await handler.InsertAsync(kit.CounterId, 987_654, Clerk, TestContext.Current.CancellationToken);
        var unknownCounter = await handler.InsertAsync(98_765, card.Id, Clerk, TestContext.Current.CancellationToken);

        Assert.Equal((SimulatedReaderOutcome.UnknownCard, SimulatedReaderOutcome.UnknownCounter), (unknownCard, unknownCounter));
        Assert.False(kit.Readers.StateOf(kit.CounterId).CardPresent);
        Assert.False(kit.Readers.StateOf(98_765).CardPresent);
        Assert.All(await kit.AuditAsync(SimulatedReaderHandler.InsertedAction), a => Assert.Equal("refused", a.Outcome));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertAsync_WhenTheCountersUseAgents_ReturnsNotSimulatedAndAuditsNothing(DatabaseProvider provider)
    {
        await using var kit = await ReadersKit.CreateAsync(provider, postgres);
        var card = await kit.CardAsync("K0001");
        using var agents = new AgentCounterReaders(new AgentRegistry(NullLogger<AgentRegistry>.Instance));
        await using var db = kit.Database.NewContext();
        var handler = kit.Handler(db, agents);

        Assert.Null(handler.Simulated);
        Assert.Equal(SimulatedReaderOutcome.NotSimulated, await handler.InsertAsync(kit.CounterId, card.Id, Clerk, TestContext.Current.CancellationToken));
        Assert.Equal(SimulatedReaderOutcome.NotSimulated, await handler.RemoveAsync(kit.CounterId, Clerk, TestContext.Current.CancellationToken));
        Assert.Empty(await kit.AuditAsync(SimulatedReaderHandler.InsertedAction));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChoicesAsync_WhenAResidentIsGiven_ListsTheirCardFirstThenEveryOtherCard(DatabaseProvider provider)
    {
        await using var kit = await ReadersKit.CreateAsync(provider, postgres);
        var card = await kit.CardAsync("K0007");
        await using var db = kit.Database.NewContext();

        var choices = await kit.Handler(db).ChoicesAsync(card.ResidentId, TestContext.Current.CancellationToken);

        Assert.Equal("K0007", choices[0].CardNumber);
        Assert.Equal("弓庄 恵子", choices[0].ResidentName);
        Assert.Equal(8, choices.Count);
        Assert.Equal(choices.Count, choices.Select(c => c.CardId).Distinct().Count());
    }
}
