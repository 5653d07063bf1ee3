using CounterApp.Domain.Rules;
using CounterApp.Domain.Visits;

namespace CounterApp.Domain.Letters;

/// <summary>R-VI-04: the reference number typed or scanned at the second visit is well formed (its check digit matches).</summary>
public sealed class InquiryReferenceRule(string? typed) : BusinessRule("R-VI-04", "letter.reference")
{
    public override bool IsBroken() => !InquiryReference.TryParse(typed, out _);

    public override string Message => VisitMessages.Catalog.Format("ReferenceInvalid", typed ?? string.Empty);
}
