using System.Net;
using System.Text.RegularExpressions;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.Voids;

namespace CounterApp.Web.Tests.Support;

/// <summary>
/// What a person reads on a page (R-X-04, issue 12 §6): the text between the tags, without attribute values, input
/// values (textarea contents), scripts and styles, and without the audit rows' raw details (the stored record, shown
/// verbatim as evidence in a &lt;code class="audit-details"&gt;). And what must not be in it: ISO dates and internal codes.
/// </summary>
internal static partial class ShownText
{
    /// <summary>The codes a person must never read: the member names of the domain's shown enums, the roles and the identity-document codes.</summary>
    public static IReadOnlyList<string> InternalCodes { get; } = BuildCodes();

    public static string Of(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = Unseen().Replace(html, " ");
        text = Tag().Replace(text, " ");
        return Space().Replace(WebUtility.HtmlDecode(text), " ");
    }

    /// <summary>Every ISO date (2026-12-08) and internal code in <paramref name="text"/>, each with a little context.</summary>
    // Codes are matched with ASCII boundaries: \w would take the Japanese text around a code for part of it.
    public static IReadOnlyList<string> Findings(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = IsoDate().Matches(text).Select(m => Context(text, m.Index, m.Length)).ToList();
        foreach (var code in InternalCodes)
        {
            foreach (Match m in Regex.Matches(text, $@"(?<![A-Za-z0-9_-]){Regex.Escape(code)}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant))
            {
                found.Add(Context(text, m.Index, m.Length));
            }
        }

        return found;
    }

    private static string Context(string text, int index, int length)
    {
        var start = Math.Max(0, index - 30);
        var end = Math.Min(text.Length, index + length + 30);
        return $"「{text[index..(index + length)]}」 in …{text[start..end]}…";
    }

    private static List<string> BuildCodes()
    {
        Type[] enums =
        [
            typeof(Procedure), typeof(ApplicantKind), typeof(ApplicationState), typeof(Obligation), typeof(LetterStatus),
            typeof(CertificateStatus), typeof(RevocationReason), typeof(CardStatus), typeof(RegisterStatus), typeof(Sex),
            typeof(PaymentVoidKind), typeof(FeeItem), typeof(RegisterEventKind), typeof(DocumentHolder), typeof(IssuanceStep),
            typeof(VoidRequestState), typeof(LedgerDayStatus),
        ];
        var names = enums.SelectMany(Enum.GetNames).ToList();
        // RFC 5280 and JSON spellings of the multi-word names (cessationOfOperation, keyCompromise, newIssuance).
        names.AddRange(names.Where(n => n.Skip(1).Any(char.IsUpper)).Select(n => char.ToLowerInvariant(n[0]) + n[1..]).ToList());
        names.AddRange([StaffRoles.Clerk, StaffRoles.Supervisor, StaffRoles.Administrator]);
        names.AddRange(IdentityDocumentCatalog.Default.Types.Select(t => t.Code));
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"<script\b.*?</script>|<style\b.*?</style>|<textarea\b.*?</textarea>|<code class=""audit-details"">.*?</code>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Unseen();

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    // ASCII boundaries: \b would not separate a date from the Japanese text around it (2026-12-08の手数料日計).
    [GeneratedRegex(@"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])")]
    private static partial Regex IsoDate();
}
