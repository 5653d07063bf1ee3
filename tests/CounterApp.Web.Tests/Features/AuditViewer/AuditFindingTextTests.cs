using System.Globalization;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.AuditViewer;
using CounterApp.Web.Hosting;

namespace CounterApp.Web.Tests.Features.AuditViewer;

public sealed class AuditFindingTextTests
{
    private static readonly ResourceText Text = new(typeof(AuditViewerText));

    [Fact]
    [Trait("Rule", "R-X-01")]
    public void Finding_WhenAnyKind_HasJapaneseAndEnglishTextsUsingTheSamePlaceholders()
    {
        Assert.All(Enum.GetValues<AuditFindingKind>(), kind =>
        {
            var japanese = Text.TextOrNull("Finding_" + kind, CultureInfo.InvariantCulture);
            var english = Text.TextOrNull("Finding_" + kind, CultureInfo.GetCultureInfo("en"));
            Assert.False(string.IsNullOrWhiteSpace(japanese), kind.ToString());
            Assert.False(string.IsNullOrWhiteSpace(english), kind.ToString());
            Assert.Equal(Placeholders(english!), Placeholders(japanese!));
        });
        Assert.All(Text.Keys(), key => Assert.False(string.IsNullOrWhiteSpace(Text.TextOrNull(key, CultureInfo.GetCultureInfo("en"))), key));
    }

    private static SortedSet<string> Placeholders(string text) =>
        new(System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value), StringComparer.Ordinal);
}
