using System.Text;
using System.Text.RegularExpressions;
using CounterApp.Domain.Fees;

namespace CounterApp.Web.Features.DayClose;

/// <summary>The adjustment form's values once they have the shape the ledger needs.</summary>
public sealed record AdjustmentRequest(string ReceiptNumber, PaymentVoidKind Kind, string Reason, string RequestedBy);

/// <summary>
/// The adjustment form as typed (R-X-03): every field checked before the handler sees it, each error naming its
/// field and rule; full-width digits and hyphens in the receipt number are read as ASCII, nothing is defaulted.
/// </summary>
public static partial class AdjustmentInput
{
    public const int ReasonMaxLength = 200;

    public const int UserNameMaxLength = 64;

    /// <summary>The errors by field name (empty when the form is well-formed) and, when it is, the request.</summary>
    public static Dictionary<string, string> Check(DayClosePage.AdjustForm form, out AdjustmentRequest? request)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = (form.ReceiptNumber ?? string.Empty).Normalize(NormalizationForm.FormKC).Replace('ー', '-').Replace('−', '-').Trim();
        if (!ReceiptNumberShape().IsMatch(number))
        {
            errors["receiptNumber"] = DayCloseText.Get("ErrorAdjustReceipt");
        }

        PaymentVoidKind? kind = form.Kind switch
        {
            "Void" => PaymentVoidKind.Void,
            "Refund" => PaymentVoidKind.Refund,
            _ => null,
        };
        if (kind is null)
        {
            errors["kind"] = DayCloseText.Get("ErrorAdjustKind");
        }

        var reason = form.Reason?.Trim() ?? string.Empty;
        if (reason.Length == 0 || reason.Length > ReasonMaxLength || reason.Any(char.IsControl) || reason.All(char.IsWhiteSpace))
        {
            errors["reason"] = DayCloseText.Get("ErrorAdjustReason");
        }

        var requestedBy = form.RequestedBy?.Trim() ?? string.Empty;
        if (requestedBy.Length == 0 || requestedBy.Length > UserNameMaxLength || requestedBy.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            errors["requestedBy"] = DayCloseText.Get("ErrorAdjustRequestedBy");
        }

        request = errors.Count == 0 ? new AdjustmentRequest(number, kind!.Value, reason, requestedBy) : null;
        return errors;
    }

    [GeneratedRegex("^[0-9A-Za-z]{1,10}-[0-9]{4}-[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReceiptNumberShape();
}
