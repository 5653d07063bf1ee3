using System.Net;
using System.Text.RegularExpressions;

namespace CounterApp.Web.Tests.Support;

/// <summary>Reads the forms of a server-rendered page the way a browser would submit them: action, field names, and the values the page put in.</summary>
internal static partial class HtmlForms
{
    public const string Token = "__RequestVerificationToken";

    /// <summary>Input types a person types free text into (any text is a value there; other fields have a shape).</summary>
    private static readonly HashSet<string> FreeTextTypes = new(StringComparer.OrdinalIgnoreCase) { "text", "search", "email", "tel", "url", "password" };

    /// <summary>
    /// The post forms of <paramref name="html"/>; <paramref name="pageUrl"/> is the action of a form without one. Fields are
    /// named with whether a person types free text there (text inputs, text areas) or the field has a shape (numbers, dates,
    /// choices, hidden values).
    /// </summary>
    public static IEnumerable<(string Action, IReadOnlyList<KeyValuePair<string, string>> Defaults, IReadOnlyList<(string Name, bool FreeText)> Fields)> Read(string html, string pageUrl)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = form.Groups[1].Value;
            if (!string.Equals(Attribute(attributes, "method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = Attribute(attributes, "action") is { Length: > 0 } a && a.StartsWith('/') ? a : pageUrl;
            var defaults = new List<KeyValuePair<string, string>>();
            var fields = new List<(string Name, bool FreeText)>();
            var buttonTaken = false;
            foreach (Match field in FieldPattern().Matches(form.Groups[2].Value))
            {
                var tag = field.Groups["tag"].Value.ToLowerInvariant();
                var fieldAttributes = field.Groups["attrs"].Value;
                if (Attribute(fieldAttributes, "name") is not { Length: > 0 } name)
                {
                    continue;
                }

                var type = (Attribute(fieldAttributes, "type") ?? "text").ToLowerInvariant();
                if (!fields.Any(f => f.Name == name))
                {
                    fields.Add((name, tag == "textarea" || (tag == "input" && FreeTextTypes.Contains(type))));
                }

                var value = Attribute(fieldAttributes, "value") ?? string.Empty;
                switch (tag)
                {
                    case "textarea":
                        defaults.Add(new(name, WebUtility.HtmlDecode(field.Groups["inner"].Value)));
                        break;
                    case "select":
                        var options = OptionPattern().Matches(field.Groups["inner"].Value).Select(o => o.Groups[1].Value).ToList();
                        var selected = options.FirstOrDefault(o => HasFlag(o, "selected")) ?? options.FirstOrDefault();
                        defaults.Add(new(name, selected is null ? string.Empty : Attribute(selected, "value") ?? string.Empty));
                        break;
                    case "button":
                        if (!buttonTaken)
                        {
                            buttonTaken = true;
                            defaults.Add(new(name, value));
                        }

                        break;
                    default:
                        if (type is "checkbox" or "radio" && !HasFlag(fieldAttributes, "checked"))
                        {
                            break;
                        }

                        if (type is "submit" or "image" or "reset" or "file")
                        {
                            break;
                        }

                        defaults.Add(new(name, value));
                        break;
                }
            }

            yield return (WebUtility.HtmlDecode(action), defaults, fields);
        }
    }

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, $"(?:^|\\s){name}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static bool HasFlag(string attributes, string name) => Regex.IsMatch(attributes, $"(?:^|\\s){name}(?:[\\s=/]|$)", RegexOptions.IgnoreCase);

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<(?<tag>input)\\b(?<attrs>[^>]*)>|<(?<tag>select|textarea|button)\\b(?<attrs>[^>]*)>(?<inner>.*?)</\\k<tag>>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();

    [GeneratedRegex("<option\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();
}
