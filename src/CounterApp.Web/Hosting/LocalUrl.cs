namespace CounterApp.Web.Hosting;

/// <summary>
/// The one check for every redirect or link built from input (ReturnUrl after sign-in, the language switch's
/// <c>redirect</c>, the simulated reader's <c>returnUrl</c>): only a path on this site, written the way a browser
/// sends it (percent-encoded, printable ASCII). Browsers drop tabs and line breaks inside a URL and read a
/// backslash as a slash, so <c>/&#9;/evil.example</c> or <c>/\evil.example</c> would leave the site; anything
/// doubtful is refused and the caller falls back to <see cref="Fallback"/>, never an error.
/// </summary>
public static class LocalUrl
{
    /// <summary>Where a refused URL sends the browser instead: the site's home page.</summary>
    public const string Fallback = "/";

    /// <summary>Longer than any page of the app with its query; longer input is refused rather than echoed.</summary>
    public const int MaxLength = 2048;

    /// <summary>
    /// True for a single <c>/</c> followed only by printable ASCII (no space, control character, backslash or
    /// non-ASCII character such as U+3000), with no <c>//</c> anywhere.
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (url is not { Length: > 0 and <= MaxLength } || url[0] != '/')
        {
            return false;
        }

        foreach (var c in url)
        {
            // '!' (0x21) to '~' (0x7E): excludes space, every control and every non-ASCII character (each of which a
            // browser may strip or fold, and which a Location header cannot carry).
            if (c is < '!' or > '~' or '\\')
            {
                return false;
            }
        }

        return !url.Contains("//", StringComparison.Ordinal);
    }

    /// <summary><paramref name="url"/> when it is <see cref="IsLocal"/>, else <see cref="Fallback"/>.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : Fallback;
}
