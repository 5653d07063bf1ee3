using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Documents;

/// <summary>R-ID-02: a resident's document whose address is not the registered one is not accepted, unless a supervisor overrides.</summary>
public sealed class DocumentAddressRule(PresentedIdentityDocument document) : BusinessRule("R-ID-02", "document.addressMatchesRegister")
{
    // Only the resident's documents are compared with the register; a proxy's address is not on it.
    public override bool IsBroken() => document.Holder == DocumentHolder.Resident && !document.AddressMatchesRegister;

    public override string Message => DocumentMessages.Catalog.Format("AddressNotUpdated");
}
