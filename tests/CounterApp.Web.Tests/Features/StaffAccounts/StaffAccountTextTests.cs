using System.Globalization;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.StaffAccounts;

namespace CounterApp.Web.Tests.Features.StaffAccounts;

public sealed class StaffAccountTextTests
{
    [Fact]
    public void Keys_WhenEnglishResourceRead_EveryJapaneseKeyHasAnEnglishTextAndEveryRoleAName()
    {
        var keys = StaffAccountText.Keys();

        Assert.All(StaffRoles.All, r => Assert.Contains("Role_" + r, keys));
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(StaffAccountText.TextOrNull(key, CultureInfo.GetCultureInfo("en"))), key));
    }
}
