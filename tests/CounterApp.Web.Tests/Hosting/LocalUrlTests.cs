using CounterApp.Web.Hosting;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>The one local-URL check behind every redirect or link built from input (ReturnUrl, redirect, returnUrl).</summary>
public sealed class LocalUrlTests
{
    /// <summary>Each leaves the site in some browser, smuggles a header, or cannot be written in a Location header.</summary>
    public static TheoryData<string?> Hostile => new(
        null,
        "",
        " ",
        "rules",
        "./rules",
        "../rules",
        "~/rules",
        "evil.example",
        "http://evil.example/",
        "https://evil.example",
        "HTTPS://evil.example/",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example",
        "//evil.example/path",
        "///evil.example",
        "////evil.example",
        "/\\evil.example",
        "/\\/evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/rules\\..\\..\\evil",
        "/\t/evil.example/",
        "/\t\t/evil.example",
        "\t//evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\r\nSet-Cookie: a=b",
        "/rules\r\nLocation: http://evil.example/",
        "/rules?x=\n",
        " /rules",
        "/rules ",
        "/ /evil.example",
        "\u3000/rules",
        "/\u3000/evil.example",
        "/rules\u3000",
        "/\u00a0/evil.example",
        "/\u2028/evil.example",
        "/\u2029/evil.example",
        "/\u0085/evil.example",
        "/\u0000/evil.example",
        "/\u0001",
        "/\u001f",
        "/\u007f/evil.example",
        "/\u200b/evil.example",
        "/\ufeff/evil.example",
        "/\uff0fevil.example",
        "/\uff3cevil.example",
        "\uff0f\uff0fevil.example",
        "/ｒｕｌｅｓ",
        "/rules/\ud800",
        "/a//b",
        "/rules?next=//evil.example",
        "/" + new string('a', LocalUrl.MaxLength));

    public static TheoryData<string> Local => new(
        "/",
        "/rules",
        "/rules?x=1",
        "/residents/1",
        "/applications/5?step=card#step-card",
        "/supervisor/audit?from=2026-11-01&to=2026-11-30&page=2",
        "/residents?q=%E3%81%8B%E3%81%BF%E3%81%84%E3%81%A1",
        "/residents?q=%E3%80%80",
        "/a%2F%2Fb",
        "/%09",
        "/counter?returnUrl=%2Frules",
        "/" + new string('a', LocalUrl.MaxLength - 1));

    [Theory]
    [MemberData(nameof(Hostile))]
    [Trait("Rule", "R-X-03")]
    public void OrHome_WhenTheUrlCouldLeaveTheSite_FallsBackToTheHomePage(string? url)
    {
        Assert.False(LocalUrl.IsLocal(url));
        Assert.Equal("/", LocalUrl.OrHome(url));
    }

    [Theory]
    [MemberData(nameof(Local))]
    public void OrHome_WhenTheUrlIsAPathOfTheSite_KeepsIt(string url)
    {
        Assert.True(LocalUrl.IsLocal(url));
        Assert.Equal(url, LocalUrl.OrHome(url));
    }
}
