using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Tests.Rules;

/// <summary>A rule with a fixed verdict, to test the decision machinery apart from any real rule.</summary>
internal sealed class FakeRule(string ruleId, bool broken, string field = "field") : BusinessRule(ruleId, field)
{
    public int MessageReads { get; private set; }

    public override bool IsBroken() => broken;

    public override string Message
    {
        get
        {
            MessageReads++;
            Assert.True(broken, $"{RuleId}: the message of a rule that is not broken was asked for.");
            return $"{RuleId} is broken";
        }
    }
}
