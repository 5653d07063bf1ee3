using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Tests.Rules;

/// <summary>A supervisor may set aside only what SPEC.md lets them: counter hours (R-HR-03 → R-HR-01/02) and R-ID-02.</summary>
public sealed class SupervisorOverrideTests
{
    private static readonly string[] EveryRuleId =
    [
        "R-EL-01", "R-EL-02", "R-EL-03", "R-EL-04", "R-EL-05", "R-EL-06",
        "R-HR-01", "R-HR-02", "R-HR-03",
        "R-ID-01", "R-ID-02", "R-ID-03", "R-ID-04", "R-ID-05",
        "R-VI-01", "R-VI-02", "R-VI-03", "R-VI-04", "R-VI-05",
        "R-PX-01", "R-PX-02", "R-PX-03",
        "R-FE-01", "R-FE-02", "R-FE-03", "R-FE-04",
        "R-CE-01", "R-CE-02", "R-CE-03", "R-CE-04", "R-CE-05", "R-CE-06", "R-CE-07",
        "R-RV-01", "R-RV-02", "R-RV-03",
        "R-CA-01", "R-CA-02", "R-CA-03",
        "R-X-01", "R-X-02", "R-X-03", "R-X-04",
    ];

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public void Covers_WhenHoursOverride_CoversExactlyR_HR_01AndR_HR_02()
    {
        var hours = new SupervisorOverride("R-HR-03", "supervisor-tanaka", "理由");

        Assert.Equal(["R-HR-01", "R-HR-02"], EveryRuleId.Where(hours.Covers));
    }

    [Fact]
    [Trait("Rule", "R-ID-02")]
    public void Covers_WhenAddressOverride_CoversExactlyR_ID_02()
    {
        var address = new SupervisorOverride("R-ID-02", "supervisor-tanaka", "理由");

        Assert.Equal(["R-ID-02"], EveryRuleId.Where(address.Covers));
    }

    [Theory]
    [InlineData("R-HR-01")]
    [InlineData("R-HR-02")]
    [InlineData("R-ID-01")]
    [InlineData("R-ID-03")]
    [InlineData("R-EL-01")]
    [InlineData("R-EL-03")]
    [InlineData("R-PX-02")]
    [InlineData("R-FE-03")]
    [InlineData("r-hr-03")]
    [InlineData("R-HR-03 ")]
    [InlineData("R-XX-99")]
    public void Constructor_WhenTheRuleCannotBeOverridden_Throws(string ruleId)
    {
        Assert.Throws<ArgumentException>(() => new SupervisorOverride(ruleId, "supervisor-tanaka", "理由"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData(null)]
    public void Constructor_WhenNoReason_Throws(string? reason)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SupervisorOverride("R-HR-03", "supervisor-tanaka", reason!));
        Assert.ThrowsAny<ArgumentException>(() => new SupervisorOverride("R-ID-02", "supervisor-tanaka", reason!));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void Constructor_WhenNoSupervisor_Throws(string? supervisor)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SupervisorOverride("R-HR-03", supervisor!, "理由"));
    }

    [Fact]
    public void Constructor_WhenValid_KeepsWhoAndTheTrimmedReason()
    {
        var given = new SupervisorOverride("R-ID-02", "supervisor-tanaka", "  転居届を確認済み ");

        Assert.Equal("R-ID-02", given.RuleId);
        Assert.Equal("supervisor-tanaka", given.Supervisor);
        Assert.Equal("転居届を確認済み", given.Reason);
    }
}
