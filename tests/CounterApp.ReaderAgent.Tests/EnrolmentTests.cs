using CounterApp.ReaderAgent.Tests.Support;

namespace CounterApp.ReaderAgent.Tests;

/// <summary>Enrolment with the administrator's one-time code: stored hashed, expires, works once; every outcome audited (R-X-01).</summary>
[Collection(AgentServerGroup.Name)]
public sealed class EnrolmentTests(AgentServer server)
{
    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Enrol_WhenCodeIsFresh_StoresOwnKeyConnectsAndAudits()
    {
        var code = await server.IssueCodeAsync("enrol-fresh");
        await using var agent = new TestAgent(server.AgentEndpoint, code.Code);
        agent.Start();
        await agent.WaitForAsync(AgentState.Connected);

        Assert.Equal(code.AgentId, agent.Runner.AgentId);
        var record = await server.AgentRecordAsync(code.AgentId);
        Assert.NotNull(record);
        Assert.NotNull(record.PublicKey);
        Assert.Null(record.EnrolmentCodeHash); // spent
        Assert.Null(record.EnrolmentExpiresAt);
        Assert.NotNull(record.LastSeenAt);

        // The agent's credential: its own private key, readable by the agent's user only.
        using (var identity = agent.Store.Load())
        {
            Assert.NotNull(identity);
            Assert.Equal(code.AgentId, identity.AgentId);
            Assert.Equal(record.PublicKey, identity.Key.ExportSubjectPublicKeyInfo());
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(agent.Store.KeyPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(agent.Store.Folder));
        }

        var issued = Assert.Single(await server.AuditAsync("agent.enrolment-code-issued"), e => e.Details!.Contains("enrol-fresh"));
        Assert.Equal("admin-test", issued.Actor);
        Assert.Equal("2", issued.Counter);
        var enrolled = Assert.Single(await server.AuditAsync("agent.enrolled"), e => e.Actor == $"agent:{code.AgentId}");
        Assert.Equal("succeeded", enrolled.Outcome);
        Assert.Contains("keyFingerprint", enrolled.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(code.Code, issued.Details!, StringComparison.Ordinal);
        Assert.DoesNotContain(code.Code, enrolled.Details!, StringComparison.Ordinal);
        Assert.Equal(code.AgentId, server.Registry.Find(code.AgentId)?.AgentId);
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Enrol_WhenCodeWasUsedAlready_IsRefusedAndAudited()
    {
        var code = await server.IssueCodeAsync("enrol-reuse");
        await using (var first = new TestAgent(server.AgentEndpoint, code.Code))
        {
            first.Start();
            await first.WaitForAsync(AgentState.Connected);
        }

        await using var second = new TestAgent(server.AgentEndpoint, code.Code);
        second.Start();
        await second.WaitForAsync(AgentState.Refused);

        Assert.Equal("invalid-code", second.Runner.LastRefusal);
        Assert.False(second.Store.Exists);
        Assert.Contains(await server.AuditAsync("agent.enrolment-refused"), e => e.Outcome == "refused" && e.Details!.Contains("invalid-code"));
    }

    [Fact]
    public async Task Enrol_WhenCodeHasExpired_IsRefused()
    {
        var code = await server.IssueCodeAsync("enrol-expired");
        server.Clock.Advance(TimeSpan.FromHours(25));
        try
        {
            await using var agent = new TestAgent(server.AgentEndpoint, code.Code);
            agent.Start();
            await agent.WaitForAsync(AgentState.Refused);
            Assert.Equal("expired-code", agent.Runner.LastRefusal);
        }
        finally
        {
            server.Clock.Advance(TimeSpan.FromHours(-25));
        }

        Assert.Null((await server.AgentRecordAsync(code.AgentId))!.PublicKey);
    }

    [Fact]
    public async Task Enrol_WhenCodeTypedInLowerCaseWithoutDashes_IsAccepted()
    {
        var code = await server.IssueCodeAsync("enrol-typed");
        await using var agent = new TestAgent(server.AgentEndpoint, code.Code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        agent.Start();
        await agent.WaitForAsync(AgentState.Connected);
    }

    [Fact]
    public async Task EnrolCommand_WritesTheCredentialOnceAndReEnrolsOnlyWithANewCode()
    {
        var code = await server.IssueCodeAsync("enrol-cli");
        var state = Path.Combine(Path.GetTempPath(), "counterapp-agent-tests", "cli-" + Guid.NewGuid().ToString("N"));
        var store = new Identity.AgentIdentityStore(state);
        string[] Args(string enrolmentCode) => ["--server", server.AgentEndpoint.ToString(), "--code", enrolmentCode, "--state", state];
        try
        {
            Assert.Equal(0, await EnrolCommand.RunAsync(Args(code.Code)));
            var firstKey = (await server.AgentRecordAsync(code.AgentId))!.PublicKey;
            using (var identity = store.Load())
            {
                Assert.Equal(code.AgentId, identity?.AgentId);
                Assert.Equal(firstKey, identity!.Key.ExportSubjectPublicKeyInfo());
            }

            // A spent code is refused and the credential already there stays as it was.
            Assert.Equal(1, await EnrolCommand.RunAsync(Args(code.Code)));
            using (var identity = store.Load())
            {
                Assert.Equal(firstKey, identity!.Key.ExportSubjectPublicKeyInfo());
            }

            // A new code for the same agent (a reinstalled PC): a new key replaces the old one on both sides.
            var renewal = await server.IssueCodeAsync("enrol-cli");
            Assert.Equal(code.AgentId, renewal.AgentId);
            Assert.Equal(0, await EnrolCommand.RunAsync(Args(renewal.Code)));
            var secondKey = (await server.AgentRecordAsync(code.AgentId))!.PublicKey;
            Assert.NotEqual(firstKey, secondKey);
            using (var identity = store.Load())
            {
                Assert.Equal(secondKey, identity!.Key.ExportSubjectPublicKeyInfo());
            }

            Assert.Equal(2, await EnrolCommand.RunAsync(["--server", "ws://example.org/agents/connect", "--code", renewal.Code, "--state", state]));
            Assert.Contains(await server.AuditAsync("agent.enrolment-code-issued"), e => e.Details!.Contains("\"reEnrolment\":\"true\""));
        }
        finally
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }

    [Fact]
    public void EnrolmentCodes_HaveOneHundredBitsAndNormaliseHowPeopleType()
    {
        var code = Web.Agents.EnrolmentCodes.NewCode();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$", code);
        Assert.Equal(Web.Agents.EnrolmentCodes.Hash(code), Web.Agents.EnrolmentCodes.Hash(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        Assert.Equal(Web.Agents.EnrolmentCodes.Hash("0000-1111"), Web.Agents.EnrolmentCodes.Hash("oooo-IiLl"));
        Assert.Equal(64, Web.Agents.EnrolmentCodes.Hash(code).Length);
        Assert.DoesNotContain(code, new Web.Agents.EnrolmentCode(1, "pc", code, DateTimeOffset.UnixEpoch).ToString(), StringComparison.Ordinal);
        Assert.NotEqual(code, Web.Agents.EnrolmentCodes.NewCode());
    }
}
