using System.Security.Cryptography.X509Certificates;
using CounterApp.Card.Client;
using CounterApp.Card.Profile;
using CounterApp.Domain.Certificates;
using CounterApp.Web.Data;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Features.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Readers;

/// <summary>The embedded default's simulated readers in the real app: cards in and out, and a whole issuance on them.</summary>
[Collection(ReadersAppGroup.Name)]
public sealed class SimulatedCounterReadersTests(ReadersApp app)
{
    private const string Password = "SIM2026AB";

    [Fact]
    public void AddCounterReaders_OnTheEmbeddedDefault_ChoosesTheSimulatedReaders() =>
        Assert.IsType<SimulatedCounterReaders>(app.Services.GetRequiredService<ICounterReaders>());

    [Fact]
    public async Task InsertAndRemove_WhenDoneInTurn_StateFollowsAndChangedIsRaised()
    {
        var (counter, _) = await app.AddCounterAsync();
        var changes = new List<int>();
        void OnChanged(object? sender, CounterReaderChangedEventArgs e) => changes.Add(e.CounterId);
        app.Readers.Changed += OnChanged;
        try
        {
            Assert.Equal(new CounterReaderState(true, true, false, true, "シミュレーション リーダー"), app.Readers.StateOf(counter));

            Assert.Equal(SimulatedReaderOutcome.Inserted, await app.InsertAsync(counter, "K0003"));
            Assert.True(app.Readers.StateOf(counter).CardPresent);

            Assert.Equal(SimulatedReaderOutcome.Removed, app.Readers.Remove(counter));
            Assert.False(app.Readers.StateOf(counter).CardPresent);
            Assert.Equal([counter, counter], changes.Where(c => c == counter));
        }
        finally
        {
            app.Readers.Changed -= OnChanged;
        }
    }

    [Fact]
    public async Task Insert_WhenTheCardIsInAnotherCountersReader_IsRefused()
    {
        var (first, _) = await app.AddCounterAsync();
        var (second, _) = await app.AddCounterAsync();
        Assert.Equal(SimulatedReaderOutcome.Inserted, await app.InsertAsync(first, "K0005"));

        Assert.Equal(SimulatedReaderOutcome.CardInAnotherReader, await app.InsertAsync(second, "K0005"));

        Assert.False(app.Readers.StateOf(second).CardPresent);
        app.Readers.Remove(first);
    }

    [Fact]
    public async Task OpenCard_WhenNoCardIsInserted_ThrowsNoCard()
    {
        var (counter, _) = await app.AddCounterAsync();

        var error = await Assert.ThrowsAsync<ReaderUnavailableException>(() => app.Readers.OpenCardAsync(counter, TestContext.Current.CancellationToken));

        Assert.Equal(ReaderUnavailableReason.NoCard, error.Reason);
    }

    [Fact]
    public async Task OpenCard_WhileASessionHoldsTheReader_ThrowsBusyUntilItIsDisposed()
    {
        var (counter, _) = await app.AddCounterAsync();
        await app.InsertAsync(counter, "K0006");

        await using (var session = await app.Readers.OpenCardAsync(counter, TestContext.Current.CancellationToken))
        {
            var busy = await Assert.ThrowsAsync<ReaderUnavailableException>(() => app.Readers.OpenCardAsync(counter, TestContext.Current.CancellationToken));
            Assert.Equal(ReaderUnavailableReason.Busy, busy.Reason);
            Assert.Equal(SimulatedCards.SerialFor("K0006"), await new ResidentCardClient(session).ReadSerialAsync(TestContext.Current.CancellationToken));
        }

        await using var next = await app.Readers.OpenCardAsync(counter, TestContext.Current.CancellationToken);
        Assert.Equal(3, (await new ResidentCardClient(next).GetCardPinStatusAsync(TestContext.Current.CancellationToken)).TriesLeft);
        app.Readers.Remove(counter);
    }

    [Fact]
    [Trait("Rule", "R-CE-01")]
    [Trait("Rule", "R-CE-05")]
    public async Task Issue_OnASimulatedCardAtACounter_SucceedsAndTheCardKeepsItAcrossANewReadersInstance()
    {
        var (counter, counterName) = await app.AddCounterAsync();
        var row = await app.CardAsync("K0001");
        Assert.Equal(SimulatedReaderOutcome.Inserted, await app.InsertAsync(counter, row.CardNumber));

        CardSessionResult result;
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var connection = await app.Readers.OpenCardAsync(counter, TestContext.Current.CancellationToken))
        {
            result = await scope.ServiceProvider.GetRequiredService<CardSessionService>().IssueAsync(
                connection, new CardSessionContext("clerk-readers", counterName, row), SimulatedCards.DemoCardPin.ToCharArray(), Password.ToCharArray(), cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.True(result.Succeeded, result.Message);
        app.Readers.Remove(counter);

        // The card's state file (0600) outlives this readers instance: a restarted server finds the certificate on it.
        var file = Path.Combine(app.Readers.Cards.Folder, SimulatedCards.SerialFor(row.CardNumber) + ".card.json");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        using var restarted = app.NewReadersInstance();
        Assert.Equal(SimulatedReaderOutcome.Inserted, restarted.Insert(counter, row.CardNumber));
        await using var again = await restarted.OpenCardAsync(counter, TestContext.Current.CancellationToken);
        var client = new ResidentCardClient(again);
        Assert.True((await client.VerifyPasswordAsync(Password.AsMemory(), TestContext.Current.CancellationToken)).IsVerified);
        using var written = X509CertificateLoader.LoadCertificate(await client.ReadSigningCertificateAsync(TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("no certificate"));
        Assert.Equal(result.CertificateSerial, written.SerialNumber);
    }

    [Fact]
    [Trait("Rule", "R-CE-01")]
    public async Task Issue_WhenTheCardIsRemovedMidSession_FailsTheSessionAndRevokesTheUnwrittenCertificate()
    {
        var (counter, counterName) = await app.AddCounterAsync();
        var row = await app.CardAsync("K0002");
        await app.InsertAsync(counter, row.CardNumber);

        CardSessionResult result;
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var opened = await app.Readers.OpenCardAsync(counter, TestContext.Current.CancellationToken))
        {
            var connection = new InterceptingConnection(opened, Ins.UpdateBinary, () => app.Readers.Remove(counter));
            result = await scope.ServiceProvider.GetRequiredService<CardSessionService>().IssueAsync(
                connection, new CardSessionContext("clerk-readers", counterName, row), SimulatedCards.DemoCardPin.ToCharArray(), Password.ToCharArray(), cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(connection.Fired);
        }

        Assert.False(result.Succeeded);
        Assert.Equal(CardSessionStep.WriteCertificate, result.FailedStep);
        Assert.True(result.CertificateRevoked);
        Assert.Contains("カードが取り出されました", result.Message, StringComparison.Ordinal);
        Assert.False(app.Readers.StateOf(counter).CardPresent);
        await using var verify = app.Services.CreateAsyncScope();
        var record = await CounterApp.Web.Tests.Support.TestRegister.RowAsync(verify.ServiceProvider.GetRequiredService<CounterDbContext>(), result.CertificateSerial!);
        Assert.Equal(CertificateStatus.Revoked, record.Status);
    }
}
