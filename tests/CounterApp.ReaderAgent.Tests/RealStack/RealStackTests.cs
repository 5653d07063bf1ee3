using CounterApp.Card.Client;
using CounterApp.ReaderAgent.Readers;
using CounterApp.ReaderAgent.Tests.Support;
using CounterApp.VirtualCard.Vpcd;
using Microsoft.Extensions.Logging.Abstractions;

namespace CounterApp.ReaderAgent.Tests.RealStack;

/// <summary>
/// The whole chain the counter uses: server → agent → PC/SC (the agent's own P/Invoke) → pcscd → vpcd → virtual
/// card. The card's arrival and departure come from SCardGetStatusChange, the APDUs go through SCardTransmit.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class RealStackTests(AgentServer server, PcscdFixture pcscd) : IClassFixture<AgentServer>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    [Trait("Rule", "R-CE-01")]
    [Trait("Rule", "R-CE-05")]
    public async Task Agent_OverPcscdAndVpcd_ReportsTheCardAndRelaysKeyGeneration()
    {
        var counterId = await server.AddCounterAsync("real-stack counter");
        var code = await server.IssueCodeAsync("real-stack-pc", counterId);
        var options = new AgentOptions
        {
            Server = server.AgentEndpoint,
            StateDirectory = Path.Combine(Path.GetTempPath(), "counterapp-agent-tests", "pcsc-" + Guid.NewGuid().ToString("N")),
            EnrolmentCode = code.Code,
            OperationTimeout = TimeSpan.FromSeconds(30),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReaderPollInterval = TimeSpan.FromSeconds(1),
        };
        var runner = new AgentRunner(options, new PcscReaderSource(options.ReaderPollInterval), NullLogger<AgentRunner>.Instance);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);
        try
        {
            await Eventually.TrueAsync(() => Reader(counterId, PcscdFixture.Reader0) is { CardPresent: false } && Reader(counterId, PcscdFixture.Reader1) is not null, "both vpcd readers reported", Wait);

            var card = TestCards.New();
            await using (await VpcdClient.InsertAsync(card, "127.0.0.1", pcscd.Port, Wait))
            {
                await Eventually.TrueAsync(() => Reader(counterId, PcscdFixture.Reader0) is { CardPresent: true }, "card inserted", Wait);
                Assert.Equal("3BE000FF8131FE4514", Reader(counterId, PcscdFixture.Reader0)!.Atr);

                await using var connection = await server.Registry.OpenCardAtCounterAsync(counterId);
                Assert.Equal(PcscdFixture.Reader0, connection.Reader);
                Assert.Equal("3BE000FF8131FE4514", connection.Atr);
                var client = new ResidentCardClient(connection);
                await using (await connection.BeginTransactionAsync())
                {
                    Assert.Equal(card.Serial, await client.ReadSerialAsync());
                    Assert.True((await client.VerifyCardPinAsync(TestCards.CardPin.AsMemory())).IsVerified);
                    await client.AuthenticateIssuerAsync(TestCards.MasterSecret);
                    var publicKey = await client.GenerateKeyPairAsync();
                    Assert.Equal(256, publicKey.Modulus.Length);
                }
            }

            await Eventually.TrueAsync(() => Reader(counterId, PcscdFixture.Reader0) is { CardPresent: false }, "card removed", Wait);
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(Wait);
            Directory.Delete(options.StateDirectory, recursive: true);
        }
    }

    private Web.Agents.AgentReader? Reader(int counterId, string name) =>
        server.Registry.AtCounter(counterId).SelectMany(a => a.Readers).FirstOrDefault(r => r.Name == name);
}
