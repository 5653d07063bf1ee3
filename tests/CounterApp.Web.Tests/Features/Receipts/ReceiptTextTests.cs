using System.Globalization;
using CounterApp.Web.Features.Receipts;

namespace CounterApp.Web.Tests.Features.Receipts;

public sealed class ReceiptTextTests
{
    [Fact]
    public void Keys_WhenEnglishResourceRead_EveryJapaneseKeyHasAnEnglishText()
    {
        var keys = ReceiptText.Keys();

        Assert.Contains("PrintVoided", keys);
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(ReceiptText.TextOrNull(key, CultureInfo.GetCultureInfo("en"))), key));
    }
}
