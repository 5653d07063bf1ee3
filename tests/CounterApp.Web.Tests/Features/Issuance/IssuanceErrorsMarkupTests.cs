using CounterApp.Domain.Rules;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Features.RegisterSync;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>The rule messages block of every procedure step, rendered with Blazor's own HtmlRenderer.</summary>
public sealed class IssuanceErrorsMarkupTests
{
    [Fact]
    [Trait("Rule", "R-HR-01")]
    [Trait("Rule", "R-EL-03")]
    public async Task Render_WhenSeveralRulesBroken_ListsEveryRuleWithItsIdAndFieldAndTakesFocus()
    {
        var result = new IssuanceResult(
            IssuanceOutcome.Refused,
            [new BrokenRule("R-EL-03", "resident.birthDate", "15歳未満の方は特別な手続きが必要です。"), new BrokenRule("R-HR-01", "at", "受付時間外です。")],
            "受付できません。");

        var html = await RenderAsync(result);

        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("autofocus", html, StringComparison.Ordinal);
        Assert.Contains("<li data-rule=\"R-EL-03\" data-field=\"resident.birthDate\"><strong>R-EL-03</strong> 15歳未満の方は特別な手続きが必要です。</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li data-rule=\"R-HR-01\" data-field=\"at\"><strong>R-HR-01</strong> 受付時間外です。</li>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"issuance-message\">受付できません。</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CE-05")]
    public async Task Render_WhenWrongCardPin_ShowsTriesLeft()
    {
        var result = new IssuanceResult(IssuanceOutcome.Retry, [], "暗証番号が違います。") { TriesLeft = 2 };

        var html = await RenderAsync(result);

        Assert.Matches("<p id=\"tries-left\">[^<]*2[^<]*</p>", html);
    }

    [Fact]
    public async Task Render_WhenStepSucceeded_ShowsAStatusNotAnAlert()
    {
        var html = await RenderAsync(IssuanceResult.Done("受付しました。"));

        Assert.Equal("<div class=\"alert alert-ok\" role=\"status\" id=\"issuance-ok\">受付しました。</div>", html);
    }

    [Fact]
    public async Task Render_WhenNoResultYet_RendersNothing()
    {
        Assert.Equal("", await RenderAsync(null));
    }

    private static async Task<string> RenderAsync(IssuanceResult? result)
    {
        using var culture = new JapaneseUiCulture();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(IssuanceErrors.Result)] = result });
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<IssuanceErrors>(parameters)).ToHtmlString());
        return html.Trim();
    }
}
