using CounterApp.Web.Documents;

namespace CounterApp.Web.Tests.Documents;

public sealed class DocumentTextTests
{
    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Keys_WhenJapaneseHasAText_EnglishHasOneToo()
    {
        var keys = DocumentText.Keys();

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.False(string.IsNullOrWhiteSpace(DocumentText.EnglishOrNull(k)), k));
    }
}
