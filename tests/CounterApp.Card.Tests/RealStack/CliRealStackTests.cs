using CounterApp.Card.Pcsc;
using CounterApp.Card.Tests.Support;
using CounterApp.VirtualCard.Cli;

namespace CounterApp.Card.Tests.RealStack;

/// <summary>The virtual card's CLI: create a card, insert it into the vpcd reader, remove it again.</summary>
[Collection(PcscdGroup.Name)]
public sealed class CliRealStackTests(PcscdFixture pcscd) : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly string _store = Directory.CreateTempSubdirectory("counterapp-cards-").FullName;

    [Fact]
    public async Task InsertThenRemove_WhenCardCreated_CardEntersAndLeavesTheReader()
    {
        var secretFile = Path.Combine(_store, "master.b64");
        await File.WriteAllTextAsync(secretFile, Convert.ToBase64String(TestSecrets.MasterSecret));
        var created = new StringWriter();
        Assert.Equal(0, await CardCli.RunAsync(["create", "--store", _store, "--master-secret-file", secretFile, "--pin", TestSecrets.CardPin], created, TextWriter.Null, TextReader.Null, default));
        var serial = created.ToString().Trim();
        using var context = PcscContext.Establish();

        using var stop = new CancellationTokenSource();
        var inserted = CardCli.RunAsync(["insert", "--store", _store, "--serial", serial, "--port", (pcscd.Port + 1).ToString()], TextWriter.Null, TextWriter.Null, TextReader.Null, stop.Token);
        var present = await context.WaitForCardAsync(PcscdFixture.Reader1, present: true, Wait);
        var shown = new StringWriter();
        await CardCli.RunAsync(["show", "--store", _store], shown, TextWriter.Null, TextReader.Null, default);
        var removed = await CardCli.RunAsync(["remove", "--store", _store, "--serial", serial], TextWriter.Null, TextWriter.Null, TextReader.Null, default);
        var insertExit = await inserted.WaitAsync(Wait);
        var absent = await context.WaitForCardAsync(PcscdFixture.Reader1, present: false, Wait);

        Assert.True(present.IsCardPresent);
        Assert.Contains($"card {serial} (inserted)", shown.ToString());
        Assert.Equal(0, removed);
        Assert.Equal(0, insertExit);
        Assert.False(absent.IsCardPresent);
    }

    public void Dispose() => Directory.Delete(_store, recursive: true);
}
