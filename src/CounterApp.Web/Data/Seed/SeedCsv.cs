using System.Text;

namespace CounterApp.Web.Data.Seed;

/// <summary>Reads the reference-data CSV files in db/seed: UTF-8, a header row, RFC 4180 quoting.</summary>
internal static class SeedCsv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return [];
        }

        var header = Split(lines[0]);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = Split(lines[i]);
            if (fields.Count != header.Count)
            {
                throw new InvalidOperationException($"{Path.GetFileName(path)} line {i + 1}: {fields.Count} fields, the header has {header.Count}.");
            }

            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return rows;
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
