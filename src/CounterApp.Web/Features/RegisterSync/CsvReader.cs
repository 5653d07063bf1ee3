using System.Text;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>One CSV record: the line it starts on, its fields, and the message key of a syntax problem if it has one.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? ProblemKey = null);

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside is doubled), quoted fields may
/// hold commas and line breaks; records end with CRLF, LF or CR. Blank lines are skipped. Line numbers are the
/// file's physical lines, so a record after a multi-line field still reports the line an editor shows.
/// </summary>
internal static class CsvReader
{
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var reader = new Cursor(text);
        while (!reader.AtEnd)
        {
            var line = reader.Line;
            var fields = new List<string>();
            string? problem = null;
            while (true)
            {
                var (field, fieldProblem, unterminated) = reader.ReadField();
                if (unterminated)
                {
                    // Everything after an unclosed quote belongs to that field: nothing further can be trusted.
                    records.Add(new CsvRecord(line, fields, "CsvUnterminatedQuote"));
                    return records;
                }

                problem ??= fieldProblem;
                fields.Add(field);
                if (!reader.TryConsume(','))
                {
                    reader.ConsumeLineEnd();
                    break;
                }
            }

            if (fields is [""] && problem is null)
            {
                continue;
            }

            records.Add(new CsvRecord(line, fields, problem));
        }

        return records;
    }

    private sealed class Cursor(string text)
    {
        private int _position;

        public int Line { get; private set; } = 1;

        public bool AtEnd => _position >= text.Length;

        public bool TryConsume(char c)
        {
            if (!AtEnd && text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        public void ConsumeLineEnd()
        {
            if (TryConsume('\r'))
            {
                TryConsume('\n');
                Line++;
            }
            else if (TryConsume('\n'))
            {
                Line++;
            }
        }

        public (string Field, string? Problem, bool Unterminated) ReadField()
        {
            var field = new StringBuilder();
            string? problem = null;
            if (TryConsume('"'))
            {
                while (true)
                {
                    if (AtEnd)
                    {
                        return (field.ToString(), null, true);
                    }

                    var c = text[_position++];
                    if (c == '"')
                    {
                        if (TryConsume('"'))
                        {
                            field.Append('"');
                            continue;
                        }

                        break;
                    }

                    if (c == '\n' || (c == '\r' && (AtEnd || text[_position] != '\n')))
                    {
                        Line++;
                    }

                    field.Append(c);
                }

                // After the closing quote only a separator or the end of the record may follow.
                while (!AtEnd && text[_position] is not (',' or '\r' or '\n'))
                {
                    problem = "CsvQuoteMisplaced";
                    field.Append(text[_position++]);
                }

                return (field.ToString(), problem, false);
            }

            while (!AtEnd && text[_position] is not (',' or '\r' or '\n'))
            {
                if (text[_position] == '"')
                {
                    problem = "CsvQuoteMisplaced";
                }

                field.Append(text[_position++]);
            }

            return (field.ToString(), problem, false);
        }
    }
}
