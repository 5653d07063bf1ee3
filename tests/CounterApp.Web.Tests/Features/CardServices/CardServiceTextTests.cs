using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Web.Features.CardServices;

namespace CounterApp.Web.Tests.Features.CardServices;

public sealed class CardServiceTextTests
{
    [Fact]
    public void Keys_WhenEnglishResourceRead_EveryJapaneseKeyHasAnEnglishTextAndEveryServiceAName()
    {
        var keys = CardServiceText.Keys();

        Assert.All(CardServicePaths.Services, p => Assert.Contains("Procedure_" + p, keys));
        Assert.All(Enum.GetValues<ApplicantKind>(), a => Assert.Contains("Applicant_" + a, keys));
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(CardServiceText.TextOrNull(key, CultureInfo.GetCultureInfo("en"))), key));
    }
}
