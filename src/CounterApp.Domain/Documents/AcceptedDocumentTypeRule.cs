using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Documents;

/// <summary>R-ID-01: the document is on the legal list (and, for 運転経歴証明書, issued on or after 2012-04-01).</summary>
public sealed class AcceptedDocumentTypeRule(PresentedIdentityDocument document, IdentityDocumentCatalog catalog)
    : BusinessRule("R-ID-01", "document.type")
{
    private IdentityDocumentType? Type => catalog.Find(document.TypeCode);

    private bool IssuedTooEarly => Type?.IssuedOnOrAfter is { } from && (document.IssuedOn is null || document.IssuedOn < from);

    public override bool IsBroken() => Type is not { Accepted: true } || IssuedTooEarly;

    public override string Message => Type is not { Accepted: true }
        ? DocumentMessages.Catalog.Format("NotAccepted", Type?.NameJa ?? document.TypeCode)
        : DocumentMessages.Catalog.Format("IssuedTooEarly", Type.NameJa, Type.IssuedOnOrAfter!.Value);
}
