using System.Globalization;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Features.Residents;
using CounterApp.Web.Tests.Features.RegisterSync;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CounterApp.Web.Tests.Features.Residents;

/// <summary>The badge rendered with Blazor's own HtmlRenderer, as the detail page renders it.</summary>
public sealed class CertificateStatusBadgeTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public async Task Render_WhenActiveAndFarFromExpiry_SaysActive()
    {
        var html = await RenderAsync(CertificateStatus.Active, expiresOn: Today.AddYears(2));

        Assert.Equal("<span class=\"badge badge-active\" data-status=\"Active\">有効</span>", html);
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public async Task Render_WhenRenewalWindowOpen_SaysExpiringSoonWithTheExpiryDate()
    {
        var expires = new DateOnly(2027, 2, 24); // the window opens exactly today

        var html = await RenderAsync(CertificateStatus.Active, expiresOn: expires);
        var dayBefore = await RenderAsync(CertificateStatus.Active, expiresOn: expires.AddDays(1));

        Assert.Contains("data-status=\"ExpiringSoon\"", html);
        Assert.Contains("期限間近（令和9年(2027年)2月24日まで・更新可）", html);
        Assert.Contains("data-status=\"Active\"", dayBefore);
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public async Task Render_WhenLocked_SaysLockedEvenInsideTheRenewalWindow()
    {
        var html = await RenderAsync(CertificateStatus.Active, expiresOn: Today.AddMonths(1), locked: true);

        Assert.Contains("data-status=\"Locked\"", html);
        Assert.Contains("ロック中", html);
    }

    [Fact]
    [Trait("Rule", "R-RV-01")]
    public async Task Render_WhenRevoked_SaysRevokedWithReasonAndDayEvenIfLockedOrExpired()
    {
        var html = await RenderAsync(
            CertificateStatus.Revoked, expiresOn: Today.AddDays(-1), locked: true, revokedAt: new DateTime(2026, 11, 2, 15, 30, 0), reason: RevocationReason.Superseded);

        Assert.Equal("<span class=\"badge badge-revoked\" data-status=\"Revoked\">失効（更新による失効・令和8年(2026年)11月2日）</span>", html);
    }

    [Fact]
    public async Task Render_WhenPastExpiry_SaysExpiredWithTheDate()
    {
        var html = await RenderAsync(CertificateStatus.Active, expiresOn: Today.AddDays(-1));

        Assert.Contains("data-status=\"Expired\"", html);
        Assert.Contains("期限切れ（令和8年(2026年)11月23日）", html);
    }

    [Fact]
    public async Task Render_WhenEnglish_UsesTheEnglishTextAndIsoDates()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var html = await RenderCoreAsync(CertificateStatus.Revoked, Today.AddYears(1), false, new DateTime(2026, 11, 2, 9, 0, 0), RevocationReason.KeyCompromise);
            Assert.Contains(">Revoked (key compromise, 2026-11-02)<", html);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Of_WhenExpiryIsToday_IsStillInForce()
    {
        Assert.Equal(CertificateBadgeKind.ExpiringSoon, CertificateBadge.Of(CertificateStatus.Active, false, Today, Today));
        Assert.Equal(CertificateBadgeKind.Expired, CertificateBadge.Of(CertificateStatus.Active, false, Today, Today.AddDays(1)));
    }

    private static async Task<string> RenderAsync(CertificateStatus status, DateOnly expiresOn, bool locked = false, DateTime? revokedAt = null, RevocationReason? reason = null)
    {
        using var culture = new JapaneseUiCulture();
        return await RenderCoreAsync(status, expiresOn, locked, revokedAt, reason);
    }

    private static async Task<string> RenderCoreAsync(CertificateStatus status, DateOnly expiresOn, bool locked, DateTime? revokedAt, RevocationReason? reason)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // As the app configures it (UiExtensions): Japanese goes out as characters, not numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(CertificateStatusBadge.Status)] = status,
            [nameof(CertificateStatusBadge.IsLocked)] = locked,
            [nameof(CertificateStatusBadge.ExpiresOn)] = expiresOn,
            [nameof(CertificateStatusBadge.RevokedAt)] = revokedAt,
            [nameof(CertificateStatusBadge.RevocationReason)] = reason,
            [nameof(CertificateStatusBadge.Today)] = Today,
        });
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<CertificateStatusBadge>(parameters)).ToHtmlString());
        return html.Trim();
    }
}
