using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Documents;

/// <summary>
/// R-ID-02: a resident's document whose address is not the registered one is not accepted, unless a supervisor overrides.
/// A document type the administrator marked as not needing the address check (<see cref="IdentityDocumentType.AddressCheck"/>)
/// is not compared; an unknown type is (R-ID-01 refuses it anyway).
/// </summary>
public sealed class DocumentAddressRule(PresentedIdentityDocument document, IdentityDocumentCatalog? catalog = null) : BusinessRule("R-ID-02", "document.addressMatchesRegister")
{
    // Only the resident's documents are compared with the register; a proxy's address is not on it.
    public override bool IsBroken() =>
        document.Holder == DocumentHolder.Resident
        && !document.AddressMatchesRegister
        && (catalog?.Find(document.TypeCode)?.AddressCheck ?? true);

    public override string Message => DocumentMessages.Catalog.Format("AddressNotUpdated");
}
