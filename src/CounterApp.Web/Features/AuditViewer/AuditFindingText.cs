using System.Globalization;
using CounterApp.Domain.Eras;
using CounterApp.Web.Data.Audit;

namespace CounterApp.Web.Features.AuditViewer;

/// <summary>What the verifier found, in the page's language (Finding_&lt;kind&gt; in AuditViewerText), instants in Tokyo time.</summary>
public static class AuditFindingText
{
    public static string Format(AuditFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var args = finding.Arguments.Select(a => a is DateTimeOffset at ? When(at) : a).ToArray();
        return AuditViewerText.Get("Finding_" + finding.Kind, args);
    }

    /// <summary>A stored UTC instant as the page shows it.</summary>
    public static string When(DateTime utc) => When(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(9)));

    // R-X-04 on staff pages too: the era first, with the Gregorian year, in Japanese.
    private static string When(DateTimeOffset tokyo) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja"
            ? $"{JapaneseEraDate.Format(DateOnly.FromDateTime(tokyo.DateTime), withGregorianYear: true)} {tokyo.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : tokyo.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
