using System.Globalization;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.CaStatus;

/// <summary>/admin/ca writes the check time, the certificates' validity and the CRL's updates in the era form, Tokyo time (R-X-04).</summary>
public sealed class CaStatusTimeTests
{
    [Fact]
    [Trait("Rule", "R-X-04")]
    public async Task CaPage_WhenAdministratorOpensIt_ShowsEraTimesInTokyoAndNoIsoDate()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);

        var html = await client.GetStringAsync(new Uri("/admin/ca", UriKind.Relative));

        var crl = app.Services.GetRequiredService<PrefecturalCa>().Crl.Current();
        Assert.Contains($"<dd id=\"crl-this-update\">{Era(crl.ThisUpdate)}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($">{Era(crl.NextUpdate)}</dd>", html, StringComparison.Ordinal);
        Assert.Empty(ShownText.Findings(ShownText.Of(html)));
    }

    /// <summary>The expected text, written out independently of the app's formatter: 令和8年(2026年)11月24日 10:00:00 (Reiwa 1 = 2019).</summary>
    private static string Era(DateTimeOffset instant)
    {
        var tokyo = instant.ToOffset(TimeSpan.FromHours(9));
        Assert.True(tokyo.Year >= 2020);
        return string.Create(CultureInfo.InvariantCulture, $"令和{tokyo.Year - 2018}年({tokyo.Year}年){tokyo.Month}月{tokyo.Day}日 {tokyo:H:mm:ss}");
    }
}
