using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Documents;

/// <summary>R-ID-03: expired documents are not accepted; a document is valid through its expiry day.</summary>
public sealed class DocumentNotExpiredRule(PresentedIdentityDocument document, DateOnly today) : BusinessRule("R-ID-03", "document.expiresOn")
{
    public override bool IsBroken() => document.ExpiresOn is { } expiry && today > expiry;

    public override string Message => DocumentMessages.Catalog.Format("Expired", document.ExpiresOn!.Value);
}
