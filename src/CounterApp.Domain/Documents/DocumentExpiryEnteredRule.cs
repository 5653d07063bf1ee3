using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Documents;

/// <summary>
/// R-ID-03: a kind of document that carries an expiry date (<see cref="IdentityDocumentType.HasExpiry"/>) must be entered
/// with it; a blank expiry would otherwise skip the expiry check. A document without one (身体障害者手帳, …) may leave it blank.
/// </summary>
public sealed class DocumentExpiryEnteredRule(PresentedIdentityDocument document, IdentityDocumentCatalog catalog) : BusinessRule("R-ID-03", "document.expiresOn")
{
    private IdentityDocumentType? Type => catalog.Find(document.TypeCode);

    public override bool IsBroken() => document.ExpiresOn is null && Type is { HasExpiry: true };

    public override string Message => DocumentMessages.Catalog.Format("ExpiryRequired", Type?.NameJa ?? document.TypeCode);
}
