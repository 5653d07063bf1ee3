using System.Net.WebSockets;
using System.Text;
using CounterApp.ReaderAgent.Identity;
using CounterApp.ReaderAgent.Tests.Support;

namespace CounterApp.ReaderAgent.Tests;

/// <summary>Each connection proves the enrolled key over a fresh challenge; unknown, wrong-key and revoked agents are refused and audited.</summary>
[Collection(AgentServerGroup.Name)]
public sealed class AuthenticationTests(AgentServer server)
{
    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Connect_WhenAgentIsUnknown_IsRefusedAndAudited()
    {
        await using var agent = new TestAgent(server.AgentEndpoint);
        using (var key = AgentIdentity.NewKey())
        {
            agent.Store.Save(987_654_321, "ghost", key);
        }

        agent.Start();
        await agent.WaitForAsync(AgentState.Refused);

        Assert.Equal("unknown-agent", agent.Runner.LastRefusal);
        Assert.Contains(await server.AuditAsync("agent.connection-refused"), e => e.Actor == "agent:987654321" && e.Outcome == "refused");
    }

    [Fact]
    public async Task Connect_WhenKeyIsNotTheEnrolledOne_IsRefused()
    {
        var code = await server.IssueCodeAsync("auth-wrong-key");
        await using (var enrolled = new TestAgent(server.AgentEndpoint, code.Code))
        {
            enrolled.Start();
            await enrolled.WaitForAsync(AgentState.Connected);
        }

        await using var impostor = new TestAgent(server.AgentEndpoint);
        using (var key = AgentIdentity.NewKey())
        {
            impostor.Store.Save(code.AgentId, code.AgentName, key);
        }

        impostor.Start();
        await impostor.WaitForAsync(AgentState.Refused);

        Assert.Equal("bad-signature", impostor.Runner.LastRefusal);
        Assert.Null(server.Registry.Find(code.AgentId));
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Revoke_WhenAgentIsConnected_DisconnectsItAndRefusesItFromThenOn()
    {
        var code = await server.IssueCodeAsync("auth-revoked");
        await using var agent = new TestAgent(server.AgentEndpoint, code.Code);
        agent.Start();
        await agent.WaitForAsync(AgentState.Connected);

        Assert.True(await server.RevokeAsync(code.AgentId));

        await agent.WaitForAsync(AgentState.Refused);
        Assert.Equal("revoked", agent.Runner.LastRefusal);
        Assert.Null(server.Registry.Find(code.AgentId));
        Assert.NotNull((await server.AgentRecordAsync(code.AgentId))!.RevokedAt);
        Assert.Contains(await server.AuditAsync("agent.revoked"), e => e.Actor == "admin-test" && e.Details!.Contains("PC stolen"));
        Assert.Contains(await server.AuditAsync("agent.connection-refused"), e => e.Actor == $"agent:{code.AgentId}" && e.Details!.Contains("revoked"));
        Assert.False(await server.RevokeAsync(code.AgentId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.IssueCodeAsync("auth-revoked"));
    }

    [Fact]
    public async Task Connect_WhenFirstMessageIsNotAHandshake_IsRefusedAsProtocolError()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.AgentEndpoint, TestContext.Current.CancellationToken);
        var hello = await ReceiveTextAsync(socket);
        Assert.Contains("\"type\":\"hello\"", hello, StringComparison.Ordinal);

        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"transmit","session":1,"apdu":"AKQEDA=="}"""), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

        var refused = await ReceiveTextAsync(socket);
        Assert.Contains("\"type\":\"refused\"", refused, StringComparison.Ordinal);
        Assert.Contains("\"error\":\"protocol\"", refused, StringComparison.Ordinal);
        var close = await socket.ReceiveAsync(new byte[256], TestContext.Current.CancellationToken);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        var buffer = new byte[8192];
        var result = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
        Assert.True(result.EndOfMessage);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
