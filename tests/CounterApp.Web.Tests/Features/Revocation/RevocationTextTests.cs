using System.Globalization;
using CounterApp.Web.Features.Revocation;

namespace CounterApp.Web.Tests.Features.Revocation;

public sealed class RevocationTextTests
{
    [Fact]
    public void Keys_WhenEnglishResourceRead_EveryJapaneseKeyHasAnEnglishText()
    {
        var keys = RevocationText.Keys();

        Assert.Contains("Revoked", keys);
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(RevocationText.TextOrNull(key, CultureInfo.GetCultureInfo("en"))), key));
        Assert.All(keys, key => Assert.NotEqual(RevocationText.TextOrNull(key, CultureInfo.InvariantCulture), RevocationText.TextOrNull(key, CultureInfo.GetCultureInfo("en"))));
    }
}
