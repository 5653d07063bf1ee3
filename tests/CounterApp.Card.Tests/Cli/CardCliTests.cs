using CounterApp.Card.Tests.Support;
using CounterApp.VirtualCard.Cli;

namespace CounterApp.Card.Tests.Cli;

/// <summary>The virtual card's CLI without a reader: create, show, usage.</summary>
public sealed class CardCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("counterapp-cli-").FullName;

    private string Store => Path.Combine(_folder, "cards");

    [Fact]
    [Trait("Rule", "R-X-02")]
    public async Task CreateThenShow_WhenPinFromStandardInput_ListsTheCardWithoutThePin()
    {
        var secret = await WriteMasterSecretAsync();
        var created = new StringWriter();

        var exit = await CardCli.RunAsync(["create", "--store", Store, "--master-secret-file", secret, "--serial", "0000000000C0FFEE"], created, TextWriter.Null, new StringReader("7531\n"), default);
        var shown = new StringWriter();
        await CardCli.RunAsync(["show", "--store", Store], shown, TextWriter.Null, TextReader.Null, default);

        Assert.Equal(0, exit);
        Assert.Equal("0000000000C0FFEE", created.ToString().Trim());
        Assert.Contains("card 0000000000C0FFEE", shown.ToString());
        Assert.Contains("card PIN      : 3 tries left", shown.ToString());
        Assert.Contains("password      : not set", shown.ToString());
        Assert.DoesNotContain("7531", shown.ToString());
    }

    [Fact]
    public async Task Create_WhenMasterSecretNotBase64_FailsWithExitCode1()
    {
        var secret = Path.Combine(_folder, "bad");
        await File.WriteAllTextAsync(secret, "not base64 !!");
        var error = new StringWriter();

        var exit = await CardCli.RunAsync(["create", "--store", Store, "--master-secret-file", secret, "--pin", "1234"], TextWriter.Null, error, TextReader.Null, default);

        Assert.Equal(1, exit);
        Assert.Contains("Base64", error.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("format")]
    [InlineData("show", "--colour", "red")]
    [InlineData("insert", "--store")]
    [InlineData("remove")]
    public async Task Run_WhenUsageWrong_PrintsUsageWithExitCode2(params string[] args)
    {
        var error = new StringWriter();

        var exit = await CardCli.RunAsync(args, TextWriter.Null, error, TextReader.Null, default);

        Assert.Equal(2, exit);
        Assert.Contains("usage:", error.ToString());
    }

    [Fact]
    public async Task Show_WhenStoreEmpty_SaysSo()
    {
        var output = new StringWriter();

        await CardCli.RunAsync(["show", "--store", Store], output, TextWriter.Null, TextReader.Null, default);

        Assert.Contains("no cards", output.ToString());
    }

    [Fact]
    public async Task Remove_WhenNotInserted_ExitsWith1()
    {
        var secret = await WriteMasterSecretAsync();
        await CardCli.RunAsync(["create", "--store", Store, "--master-secret-file", secret, "--serial", "00000000000000AB", "--pin", "1234"], TextWriter.Null, TextWriter.Null, TextReader.Null, default);

        Assert.Equal(1, await CardCli.RunAsync(["remove", "--store", Store, "--serial", "00000000000000AB"], TextWriter.Null, TextWriter.Null, TextReader.Null, default));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> WriteMasterSecretAsync()
    {
        var path = Path.Combine(_folder, "master.b64");
        await File.WriteAllTextAsync(path, Convert.ToBase64String(TestSecrets.MasterSecret));
        return path;
    }
}
