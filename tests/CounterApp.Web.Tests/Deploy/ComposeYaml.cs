using System.Text;

namespace CounterApp.Web.Tests.Deploy;

/// <summary>
/// Just enough YAML for docker-compose.yml, with no YAML package in the mirror: block mappings, block sequences of
/// scalars, flow sequences of scalars (["CMD-SHELL", "…"]), plain and quoted scalars, comments. Anything else
/// (anchors, aliases, block scalars, flow mappings, mappings inside sequences, tabs, several documents) is
/// refused with its line number rather than guessed at, so the compose test can never pass on a misreading.
/// A mapping is a Dictionary&lt;string, object?&gt;, a sequence a List&lt;string&gt;, a scalar a string, an empty value null.
/// </summary>
internal static class ComposeYaml
{
    public static Dictionary<string, object?> Parse(string text)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            if (raw.Contains('\t', StringComparison.Ordinal))
            {
                throw Unsupported(number, "a tab");
            }

            var content = StripComment(raw).TrimEnd();
            if (content.Trim().Length == 0)
            {
                continue;
            }

            if (content.StartsWith("---", StringComparison.Ordinal) || content.StartsWith("...", StringComparison.Ordinal))
            {
                throw Unsupported(number, "a document marker");
            }

            lines.Add(new Line(number, content.Length - content.TrimStart().Length, content.Trim()));
        }

        var index = 0;
        if (lines.Count == 0)
        {
            return [];
        }

        var root = ParseMapping(lines, ref index, lines[0].Indent);
        return index < lines.Count ? throw Unsupported(lines[index].Number, "indentation that closes no block") : root;
    }

    private static Dictionary<string, object?> ParseMapping(List<Line> lines, ref int index, int indent)
    {
        var mapping = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (index < lines.Count && lines[index].Indent == indent && !IsSequenceItem(lines[index].Text))
        {
            var line = lines[index];
            var colon = KeySeparator(line.Text) ?? throw Unsupported(line.Number, "a line that is not 'key: value'");
            var key = Scalar(line.Text[..colon].Trim(), line.Number);
            var rest = line.Text[(colon + 1)..].Trim();
            index++;
            object? value;
            if (rest.Length > 0)
            {
                value = Value(rest, line.Number);
            }
            else if (index < lines.Count && lines[index].Indent > indent)
            {
                value = IsSequenceItem(lines[index].Text) ? ParseSequence(lines, ref index, lines[index].Indent) : ParseMapping(lines, ref index, lines[index].Indent);
            }
            else if (index < lines.Count && lines[index].Indent == indent && IsSequenceItem(lines[index].Text))
            {
                value = ParseSequence(lines, ref index, indent);
            }
            else
            {
                value = null;
            }

            if (!mapping.TryAdd(key, value))
            {
                throw Unsupported(line.Number, $"a duplicate key '{key}'");
            }
        }

        if (index < lines.Count && lines[index].Indent > indent)
        {
            throw Unsupported(lines[index].Number, "unexpected indentation");
        }

        return mapping;
    }

    private static List<string> ParseSequence(List<Line> lines, ref int index, int indent)
    {
        var items = new List<string>();
        while (index < lines.Count && lines[index].Indent == indent && IsSequenceItem(lines[index].Text))
        {
            var line = lines[index];
            var item = line.Text[1..].Trim();
            if (item.Length == 0 || KeySeparator(item) is not null)
            {
                throw Unsupported(line.Number, "a mapping or nested block inside a sequence");
            }

            items.Add(Scalar(item, line.Number));
            index++;
        }

        return index < lines.Count && lines[index].Indent > indent ? throw Unsupported(lines[index].Number, "unexpected indentation") : items;
    }

    private static object Value(string text, int number) => text[0] switch
    {
        '[' when text[^1] == ']' => SplitFlow(text[1..^1], number),
        '[' or '{' or '&' or '*' or '|' or '>' or '!' or '%' or '@' or '`' => throw Unsupported(number, $"a value starting with '{text[0]}'"),
        _ => Scalar(text, number),
    };

    private static List<string> SplitFlow(string text, int number)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is null && c == ',')
            {
                items.Add(Scalar(current.ToString().Trim(), number));
                current.Clear();
                continue;
            }

            quote = c is '"' or '\'' ? (quote is null ? c : quote == c ? null : quote) : quote;
            current.Append(c);
        }

        if (current.ToString().Trim().Length > 0)
        {
            items.Add(Scalar(current.ToString().Trim(), number));
        }

        return items;
    }

    private static string Scalar(string text, int number)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            var inner = text[1..^1];
            return inner.Contains('\\', StringComparison.Ordinal) ? throw Unsupported(number, "an escape sequence") : inner;
        }

        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            return text[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        return text.Length > 0 && text[0] is '"' or '\'' or '[' or '{' or '&' or '*' or '|' or '>' or '!'
            ? throw Unsupported(number, $"a scalar starting with '{text[0]}'")
            : text;
    }

    private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    // The ':' that ends a key: followed by a space or the end of the line, and not inside quotes.
    private static int? KeySeparator(string text)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                quote = quote is null ? c : quote == c ? null : quote;
            }
            else if (quote is null && c == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i;
            }
        }

        return null;
    }

    // A comment starts at '#' at the line start or after a space, outside quotes.
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '"' or '\'')
            {
                quote = quote is null ? c : quote == c ? null : quote;
            }
            else if (quote is null && c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static NotSupportedException Unsupported(int line, string what) =>
        new($"docker-compose.yml line {line}: {what} is beyond the subset of YAML this test reads; extend ComposeYaml or simplify the file.");

    private sealed record Line(int Number, int Indent, string Text);
}
