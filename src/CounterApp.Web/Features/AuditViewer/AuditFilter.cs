using System.Globalization;
using System.Text;
using CounterApp.Domain.Eras;
using CounterApp.Domain.Time;

namespace CounterApp.Web.Features.AuditViewer;

/// <summary>
/// What the supervisor looks for in the audit log (R-X-01): Tokyo days from/to (inclusive), a resident's 住民票コード,
/// a member of staff (the actor's sign-in name) and an action prefix such as <c>certificate.</c>. Null means any.
/// </summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? ResidentCode = null, string? Actor = null, string? ActionPrefix = null)
{
    public static readonly AuditFilter All = new();

    /// <summary>The first instant (UTC) of <see cref="From"/> in Tokyo.</summary>
    public DateTime? FromUtc => From is { } day ? TokyoClock.FromTokyo(day.ToDateTime(TimeOnly.MinValue)).UtcDateTime : null;

    /// <summary>The first instant (UTC) after <see cref="To"/> in Tokyo; none after the last day there is.</summary>
    public DateTime? BeforeUtc => To is { } day && day < DateOnly.MaxValue ? TokyoClock.FromTokyo(day.AddDays(1).ToDateTime(TimeOnly.MinValue)).UtcDateTime : null;

    /// <summary>The filter as query-string pairs (for paging links and the CSV link); empty values left out.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        Add(parts, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "resident", ResidentCode);
        Add(parts, "actor", Actor);
        Add(parts, "action", ActionPrefix);
        return string.Join("&", parts);
    }

    /// <summary>The filter as audit details (who exported what).</summary>
    public Dictionary<string, string?> ToDetails() => new()
    {
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["resident"] = ResidentCode,
        ["actor"] = Actor,
        ["action"] = ActionPrefix,
    };

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}

/// <summary>A filter field that could not be read: the field (form input name) and a message naming it and the rule.</summary>
public sealed record AuditFilterError(string Field, string Message);

/// <summary>Reads the filter as typed (R-X-03): full-width digits accepted, each bad field named.</summary>
public static class AuditFilterInput
{
    public const int MaxActorLength = 256;
    public const int MaxActionLength = 100;

    /// <summary>The last page number a link may ask for (far beyond any real log, and its offset fits an int).</summary>
    public const int MaxPage = 1_000_000;

    public static (AuditFilter Filter, IReadOnlyList<AuditFilterError> Errors) Parse(string? from, string? to, string? resident, string? actor, string? action)
    {
        var errors = new List<AuditFilterError>();
        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
        if (fromDay is { } f && toDay is { } t && f > t)
        {
            errors.Add(new AuditFilterError("to", AuditViewerText.Get("ErrorRange")));
        }

        var residentCode = Clean(resident);
        if (residentCode is not null && (residentCode.Length != 11 || !residentCode.All(char.IsAsciiDigit)))
        {
            errors.Add(new AuditFilterError("resident", AuditViewerText.Get("ErrorResident")));
        }

        var actorName = Clean(actor);
        if (actorName is { Length: > MaxActorLength })
        {
            errors.Add(new AuditFilterError("actor", AuditViewerText.Get("ErrorActor", MaxActorLength)));
        }

        var prefix = Clean(action)?.ToLowerInvariant();
        if (prefix is not null && (prefix.Length > MaxActionLength || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
        {
            errors.Add(new AuditFilterError("action", AuditViewerText.Get("ErrorAction", MaxActionLength)));
        }

        return (new AuditFilter(fromDay, toDay, residentCode, actorName, prefix), errors);
    }

    /// <summary>The page number (?page=, as text): 1 when absent; a value that is not 1…<see cref="MaxPage"/> is an error naming the field.</summary>
    public static (int Number, AuditFilterError? Error) Page(string? value)
    {
        var text = Clean(value);
        if (text is null)
        {
            return (1, null);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= MaxPage
            ? (number, null)
            : (1, new AuditFilterError("page", AuditViewerText.Get("ErrorPage", MaxPage)));
    }

    private static string? Clean(string? value)
    {
        var text = value?.Normalize(NormalizationForm.FormKC).Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static DateOnly? Day(string? value, string field, List<AuditFilterError> errors)
    {
        var text = Clean(value);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Replace('/', '-'), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day >= JapaneseEra.Earliest)
            {
                return day;
            }

            // Before the Gregorian calendar in Japan: no era form, and 0001-01-01 in Tokyo is before the first UTC instant.
            errors.Add(new AuditFilterError(field, AuditViewerText.Get("ErrorDateTooEarly", AuditViewerText.Get("Label_" + field))));
            return null;
        }

        errors.Add(new AuditFilterError(field, AuditViewerText.Get("ErrorDate", AuditViewerText.Get("Label_" + field))));
        return null;
    }
}
