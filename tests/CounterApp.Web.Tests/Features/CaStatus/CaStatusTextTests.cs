using System.Globalization;
using CounterApp.Web.Features.CaStatus;

namespace CounterApp.Web.Tests.Features.CaStatus;

public sealed class CaStatusTextTests
{
    [Fact]
    public void Keys_WhenEnglishResourceRead_EveryJapaneseKeyHasAnEnglishText()
    {
        var keys = CaStatusText.Keys();

        Assert.Contains("OcspGood", keys);
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(CaStatusText.TextOrNull(key, CultureInfo.GetCultureInfo("en"))), key));
    }
}
