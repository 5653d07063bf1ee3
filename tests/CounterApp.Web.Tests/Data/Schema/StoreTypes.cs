using System.Text.RegularExpressions;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>
/// One spelling per store type, so "varchar(400)", "VARCHAR (400)" and PostgreSQL's "character varying(400)"
/// compare equal, and so do "int4"/"integer", "timestamptz"/"timestamp with time zone", SQLite's "text"/"TEXT".
/// </summary>
internal static partial class StoreTypes
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["int"] = "integer",
        ["int4"] = "integer",
        ["int8"] = "bigint",
        ["int2"] = "smallint",
        ["bool"] = "boolean",
        ["varchar"] = "character varying",
        ["char"] = "character",
        ["bpchar"] = "character",
        ["float8"] = "double precision",
        ["float4"] = "real",
        ["decimal"] = "numeric",
        ["timestamptz"] = "timestamp with time zone",
        ["timestamp"] = "timestamp without time zone",
        ["timetz"] = "time with time zone",
        ["time"] = "time without time zone",
    };

    public static string Normalise(string storeType)
    {
        var type = Spaces().Replace(storeType.Trim().ToLowerInvariant(), " ").Replace(" (", "(", StringComparison.Ordinal).Replace(", ", ",", StringComparison.Ordinal);
        var match = WithArguments().Match(type);
        var name = match.Success ? match.Groups[1].Value : type;
        var arguments = match.Success ? match.Groups[2].Value : string.Empty;
        var rest = match.Success ? match.Groups[3].Value : string.Empty;

        // "timestamp(3) with time zone": the precision sits after the first word, which is then no alias.
        if (arguments.Length > 0 && rest.Length > 0)
        {
            return $"{name}{arguments}{rest}";
        }

        name = Aliases.GetValueOrDefault(name, name);

        if (arguments.Length > 0 && name.StartsWith("time", StringComparison.Ordinal) && name.Contains(' ', StringComparison.Ordinal))
        {
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            return $"{name[..space]}{arguments}{name[space..]}";
        }

        return name + arguments;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^([a-z0-9_ ]+?)(\([0-9, ]+\))(.*)$")]
    private static partial Regex WithArguments();
}
