using CounterApp.Domain.Rules;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Forms.Mapping;

namespace CounterApp.Web.Hosting;

/// <summary>
/// R-X-03 for posted forms: a value that does not parse is an error naming the field and the rule, never a silent
/// default or null. Blazor's form binding leaves an unparsable date, number, yes/no or choice at its default and only
/// notes it in the <see cref="FormMappingContext"/>; a page asks here before it hands anything to a handler.
/// </summary>
public static class FormInput
{
    private static readonly ResourceText Text = new(typeof(FormInputText));

    /// <summary>
    /// The posted name ("Document.ExpiresOn") of the first value of the form <paramref name="formName"/> (its FormName)
    /// that did not parse into its field's type, or null.
    /// </summary>
    public static string? Unparsed(FormMappingContext? mapping, string formName, HttpContext? http) =>
        mapping is null ? null
        : mapping.GetAllErrors(formName).Concat(mapping.GetAllErrors()).Select(e => PostedName(e, http)).Order(StringComparer.Ordinal).FirstOrDefault();

    // The binding may note the error on the field's container ("Document"): the posted field under it that carries the
    // value that did not parse is the one to name.
    private static string PostedName(FormMappingError error, HttpContext? http)
    {
        if (http?.Request.HasFormContentType != true || error.AttemptedValue is null)
        {
            return error.Path;
        }

        var form = http.Request.Form;
        return form.Keys.Where(k => (k == error.Path || k.StartsWith(error.Path + ".", StringComparison.Ordinal)) && form[k].Contains(error.AttemptedValue))
            .Order(StringComparer.Ordinal).FirstOrDefault() ?? error.Path;
    }

    /// <summary>"The value of 「label」 could not be read (rule)": the field by its label as the page shows it.</summary>
    public static string UnparsedMessage(string label, string ruleId) => Text.Format("Unparsed", label, ruleId);

    /// <summary>The refusal of a posted field that did not parse, named by its posted name (a page that has a label for it says that instead).</summary>
    public static BrokenRule Problem(string path, string ruleId = "R-X-03") => new(ruleId, path, UnparsedMessage(path, ruleId));

    /// <summary>"Choose 「label」 (rule)": a choice posted empty or with a value that is not one of its options.</summary>
    public static string ChoiceMessage(string label, string ruleId) => Text.Format("ChoiceRequired", label, ruleId);

    /// <summary>
    /// A checkbox as a browser posts it: absent or empty is false, "true"/"false" (any case) is itself; anything else
    /// does not parse (null).
    /// </summary>
    public static bool? Checkbox(string? posted) =>
        string.IsNullOrEmpty(posted) ? false
        : bool.TryParse(posted, out var value) ? value
        : null;

    /// <summary>One of the enum's named values, exactly as the page's options post it (no numbers, no case folding), or null.</summary>
    public static TEnum? Choice<TEnum>(string? posted)
        where TEnum : struct, Enum =>
        !string.IsNullOrEmpty(posted) && !char.IsAsciiDigit(posted[0]) && posted[0] != '-'
            && Enum.TryParse<TEnum>(posted, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : null;
}

/// <summary>Marker for the texts of <see cref="FormInput"/>: Resources/Hosting/FormInputText.resx (Japanese) and .en.resx.</summary>
public sealed class FormInputText;
