using System.Globalization;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Features.Residents;
using CounterApp.Web.Tests.Features.RegisterSync;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CounterApp.Web.Tests.Features.Residents;

/// <summary>R-RV-02 "why and when" under a revoked certificate's badge, rendered with Blazor's own HtmlRenderer.</summary>
[Trait("Rule", "R-RV-02")]
public sealed class CertificateRevocationNoteTests
{
    private static readonly DateTime RevokedAt = new(2026, 11, 20, 9, 0, 0);

    private static readonly DateTime RecordedAt = new(2026, 11, 24, 10, 0, 0);

    [Fact]
    public async Task Render_WhenARegisterEventRevokedIt_SaysWhyWhenAndWhichEvent()
    {
        var html = await RenderAsync(RevocationReason.AffiliationChanged, new RevocationCause("R-RV-02", RegisterEventKind.MovedOut, false, "ev-77", RecordedAt));

        Assert.Equal(
            "<div class=\"revocation-note\" id=\"revocation-0A0B0C\" data-reason=\"AffiliationChanged\" data-event-kind=\"MovedOut\">"
            + "<strong class=\"revocation-why\">転出により失効</strong>"
            + "<div class=\"revocation-when\">失効日時：令和8年(2026年)11月20日 9:00</div>"
            + "<div class=\"revocation-cause\">原因：住民基本台帳の異動通知（イベントID ev-77、令和8年(2026年)11月24日 10:00 受信） <span class=\"rule-id\">R-RV-02</span></div></div>",
            Squeeze(html));
    }

    [Theory]
    [InlineData(RegisterEventKind.Died, RevocationReason.CessationOfOperation, "死亡により失効")]
    [InlineData(RegisterEventKind.CardReturned, RevocationReason.CessationOfOperation, "カード返納により失効")]
    [InlineData(RegisterEventKind.CardReplaced, RevocationReason.CessationOfOperation, "カード再交付により失効")]
    [InlineData(RegisterEventKind.AddressChanged, RevocationReason.AffiliationChanged, "住所変更により失効")]
    [InlineData(RegisterEventKind.NameChanged, RevocationReason.AffiliationChanged, "氏名変更により失効")]
    [InlineData(RegisterEventKind.SexChanged, RevocationReason.AffiliationChanged, "性別変更により失効")]
    [InlineData(RegisterEventKind.BirthDateChanged, RevocationReason.AffiliationChanged, "生年月日変更により失効")]
    public async Task Render_ForEachRegisterEventKind_NamesTheEventInJapanese(RegisterEventKind kind, RevocationReason reason, string why)
    {
        var html = await RenderAsync(reason, new RevocationCause("R-RV-02", kind, false, "ev-1", RecordedAt));

        Assert.Contains($"<strong class=\"revocation-why\">{why}</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"data-event-kind=\"{kind}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenTheCsvImportRevokedIt_SaysSoWithoutAnEventId()
    {
        var html = await RenderAsync(RevocationReason.CessationOfOperation, RevocationCause.From("R-RV-02", "Died (CSV)", null, RecordedAt));

        Assert.Contains("死亡により失効", html, StringComparison.Ordinal);
        Assert.Contains("原因：住民基本台帳の一括取込（令和8年(2026年)11月24日 10:00）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("イベントID", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-RV-01")]
    public async Task Render_WhenNoRegisterEventIsBehindIt_SaysTheReasonAndTheTimeOnly()
    {
        var html = await RenderAsync(RevocationReason.KeyCompromise, cause: null);

        Assert.Contains("<strong class=\"revocation-why\">秘密鍵漏えい等の届出により失効</strong>", html, StringComparison.Ordinal);
        Assert.Contains("失効日時：令和8年(2026年)11月20日 9:00", html, StringComparison.Ordinal);
        Assert.DoesNotContain("revocation-cause", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-event-kind", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenEnglish_UsesTheEnglishTextAndIsoDates()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var html = await RenderCoreAsync(RevocationReason.CessationOfOperation, new RevocationCause("R-RV-02", RegisterEventKind.Died, false, "ev-9", RecordedAt));
            Assert.Contains("Revoked: death", html, StringComparison.Ordinal);
            Assert.Contains("Revoked at 2026-11-20 9:00", html, StringComparison.Ordinal);
            Assert.Contains("event ID ev-9, received 2026-11-24 10:00", html, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("MovedOut", RegisterEventKind.MovedOut, false)]
    [InlineData("CardReturned (CSV)", RegisterEventKind.CardReturned, true)]
    [InlineData("Renewal", null, false)]
    [InlineData("42", null, false)]
    public void From_ReadsTheRequestsCauseText(string cause, RegisterEventKind? kind, bool fromImport)
    {
        var read = RevocationCause.From("R-RV-02", cause, null, RecordedAt);

        Assert.Equal((kind, fromImport), (read.EventKind, read.FromImport));
    }

    private static string Squeeze(string html) => System.Text.RegularExpressions.Regex.Replace(html, @">\s+<", "><").Replace("  ", " ", StringComparison.Ordinal);

    private static async Task<string> RenderAsync(RevocationReason reason, RevocationCause? cause)
    {
        using var culture = new JapaneseUiCulture();
        return await RenderCoreAsync(reason, cause);
    }

    private static async Task<string> RenderCoreAsync(RevocationReason reason, RevocationCause? cause)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(CertificateRevocationNote.Serial)] = "0A0B0C",
            [nameof(CertificateRevocationNote.RevokedAt)] = RevokedAt,
            [nameof(CertificateRevocationNote.RevocationReason)] = reason,
            [nameof(CertificateRevocationNote.Cause)] = cause,
        });
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<CertificateRevocationNote>(parameters)).ToHtmlString());
        return html.Trim();
    }
}
