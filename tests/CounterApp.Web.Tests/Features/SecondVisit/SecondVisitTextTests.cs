using System.Globalization;
using CounterApp.Web.Features.SecondVisit;

namespace CounterApp.Web.Tests.Features.SecondVisit;

public sealed class SecondVisitTextTests
{
    [Fact]
    public void Keys_WhenEnglishResourceRead_EveryJapaneseKeyHasAnEnglishText()
    {
        var keys = SecondVisitText.Keys();

        Assert.Contains("ClerkPasswordLegend", keys);
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(SecondVisitText.TextOrNull(key, CultureInfo.GetCultureInfo("en"))), key));
        Assert.All(keys, key => Assert.NotEqual(SecondVisitText.TextOrNull(key, CultureInfo.InvariantCulture), SecondVisitText.TextOrNull(key, CultureInfo.GetCultureInfo("en"))));
    }
}
