using System.Globalization;
using System.Text;

namespace CounterApp.Web.Features.AuditViewer;

/// <summary>
/// The audit log as CSV for Excel: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting (a cell with a comma, quote or
/// line break is quoted, quotes doubled), and a formula-injection guard: a cell starting with = + - @ (or a tab or CR)
/// gets a leading apostrophe so a spreadsheet shows it as text instead of running it.
/// </summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> Header = ["id", "at_tokyo", "actor", "counter", "resident_code", "action", "outcome", "details"];

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Line(AuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Join(",", new[]
        {
            row.Id.ToString(CultureInfo.InvariantCulture),
            row.AtTokyo.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            row.Actor,
            row.Counter,
            row.ResidentCode,
            row.Action,
            row.Outcome,
            row.Details,
        }.Select(Cell));
    }

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(",", Header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(row));
        }

        await writer.FlushAsync(cancellationToken);
    }
}
