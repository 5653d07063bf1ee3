using System.Globalization;
using CounterApp.Web.Features.CaFingerprint;
using CounterApp.Web.Tests.Features.RegisterSync;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CounterApp.Web.Tests.Features.CaFingerprint.FingerprintTestCertificates;

namespace CounterApp.Web.Tests.Features.CaFingerprint;

/// <summary>The result block of a comparison (R-CE-07), rendered with Blazor's own HtmlRenderer.</summary>
[Trait("Rule", "R-CE-07")]
public sealed class FingerprintCheckResultTests
{
    private static readonly PublishedFingerprints Published = PublishedFingerprints.Of(Ca);

    [Fact]
    public async Task Render_WhenMatch_Says一致WithTheAlgorithmAndEchoesTheNormalizedValue()
    {
        var html = await RenderAsync(TypedFingerprintRule.Compare(Published, LowerWithColons(Sha256Hex(Ca))));

        Assert.Contains("class=\"alert alert-ok\" role=\"status\" id=\"fingerprint-result\" data-outcome=\"Match\" data-algorithm=\"SHA-256\"", html, StringComparison.Ordinal);
        Assert.Contains(">一致</strong>", html, StringComparison.Ordinal);
        Assert.Contains("入力された SHA-256 フィンガープリントは、当認証局の自己署名証明書のものと一致します。", html, StringComparison.Ordinal);
        Assert.Contains($"<dd data-field=\"typed\"><code>{Published.Sha256.Grouped}</code></dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-field=\"published\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenMismatch_Says不一致AndShowsThePublishedValueBesideTheTypedOne()
    {
        var html = await RenderAsync(TypedFingerprintRule.Compare(Published, Sha1Hex(Other)));

        Assert.Contains("class=\"alert alert-error\" role=\"status\" id=\"fingerprint-result\" data-outcome=\"Mismatch\" data-algorithm=\"SHA-1\"", html, StringComparison.Ordinal);
        Assert.Contains(">不一致</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"<dd data-field=\"typed\"><code>{TypedFingerprintRule.Grouped(Sha1Hex(Other))}</code></dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>公表値（SHA-1）</dt><dd data-field=\"published\"><code>{Published.Sha1.Grouped}</code></dd>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "フィンガープリント：16進数字が 3 桁です。SHA-256 は64桁、SHA-1 は40桁で入力してください。（R-CE-07）")]
    [InlineData("35C4-C9ED", "フィンガープリント：「-」は使えません。")]
    [InlineData("", "フィンガープリント：入力されていません。")]
    [InlineData("0123456789abcdef0123456789ABCDEF", "フィンガープリント：32桁は MD5 のフィンガープリントです。MD5 は使用していません。")]
    public async Task Render_WhenRefused_NamesTheFieldAndTheRuleAsAnAlert(string typed, string message)
    {
        var html = await RenderAsync(TypedFingerprintRule.Compare(Published, typed));

        Assert.Contains("class=\"alert alert-error\" role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("R-CE-07", html, StringComparison.Ordinal);
        Assert.DoesNotContain("一致", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_WhenEnglishResourceRead_EveryJapaneseKeyHasAnEnglishText()
    {
        var keys = CaFingerprintText.Keys();

        Assert.Contains("Md5NotUsed", keys);
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(CaFingerprintText.TextOrNull(key, CultureInfo.GetCultureInfo("en"))), key));
    }

    private static async Task<string> RenderAsync(FingerprintCheck check)
    {
        using var culture = new JapaneseUiCulture();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(FingerprintCheckResult.Check)] = check,
            [nameof(FingerprintCheckResult.Published)] = Published,
        });
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<FingerprintCheckResult>(parameters)).ToHtmlString());
        return html.Trim();
    }
}
