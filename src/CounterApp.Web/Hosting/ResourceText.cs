using System.Globalization;
using System.Resources;

namespace CounterApp.Web.Hosting;

/// <summary>
/// One feature's text file for code outside pages (handlers, results): the resx beside the marker type's path under
/// Resources/ (Japanese neutral, .en.resx English), read in the UI culture. Pages inject IStringLocalizer&lt;Marker&gt;.
/// </summary>
public sealed class ResourceText
{
    private const string RootNamespace = "CounterApp.Web.";
    private readonly ResourceManager _resources;
    private readonly string _name;

    public ResourceText(Type marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var fullName = marker.FullName ?? marker.Name;
        _name = marker.Name;
        _resources = new ResourceManager(RootNamespace + "Resources." + fullName[RootNamespace.Length..], marker.Assembly);
    }

    /// <summary>The text with this key in <paramref name="culture"/> (default: the UI culture).</summary>
    public string Get(string key, CultureInfo? culture = null) =>
        _resources.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"{_name} has no text named {key}.");

    /// <summary>The text with this key in the UI culture, its placeholders filled in.</summary>
    public string Format(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Get(key, culture);
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>The text of a key in one culture, without falling back (null when that culture lacks it).</summary>
    public string? TextOrNull(string key, CultureInfo culture) =>
        _resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key);

    /// <summary>The keys of the Japanese (neutral) resource, for completeness tests.</summary>
    public IReadOnlyList<string> Keys() =>
        _resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
}
