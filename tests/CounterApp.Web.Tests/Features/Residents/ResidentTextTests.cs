using System.Globalization;
using CounterApp.Web.Features.Residents;

namespace CounterApp.Web.Tests.Features.Residents;

public sealed class ResidentTextTests
{
    [Fact]
    public void Keys_WhenEnglishResourceRead_EveryJapaneseKeyHasAnEnglishText()
    {
        var keys = ResidentText.Keys();

        Assert.Contains("QueryRequired", keys);
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(ResidentText.TextOrNull(key, CultureInfo.GetCultureInfo("en"))), key));
    }
}
