using System.Text.RegularExpressions;

namespace CounterApp.Web.Tests.Support;

/// <summary>Submits a page's form the way a browser without JavaScript does: GET for the antiforgery token, then POST.</summary>
internal static partial class FormPoster
{
    public static async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient client, string path, string handler, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "The page has no antiforgery token.");
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = token.Groups[1].Value,
        };
        using var content = new FormUrlEncodedContent(form);
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
