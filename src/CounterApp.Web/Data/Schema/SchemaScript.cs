using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CounterApp.Web.Data.Schema;

/// <summary>One ordered schema script, db/{provider}/NNNN_name.sql, with the checksum of its text (line endings normalised).</summary>
public sealed partial record SchemaScript(int Version, string Name, string Path, string Sql, string Checksum)
{
    public static IReadOnlyList<SchemaScript> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new SchemaException($"Schema scripts folder not found: {directory}");
        }

        var scripts = new List<SchemaScript>();
        foreach (var path in Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal))
        {
            var match = FileNamePattern().Match(System.IO.Path.GetFileName(path));
            if (!match.Success)
            {
                throw new SchemaException($"Schema script name must be NNNN_name.sql: {System.IO.Path.GetFileName(path)}");
            }

            var sql = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            scripts.Add(new SchemaScript(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, path, sql, checksum));
        }

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SchemaException($"Two schema scripts share version {duplicate.Key:D4}: {string.Join(", ", duplicate.Select(s => System.IO.Path.GetFileName(s.Path)))}");
        }

        return scripts;
    }

    public string FileName => System.IO.Path.GetFileName(Path);

    [GeneratedRegex("^([0-9]{4})_([a-z0-9_]+)\\.sql$")]
    private static partial Regex FileNamePattern();
}
