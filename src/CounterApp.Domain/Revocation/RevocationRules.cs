using CounterApp.Domain.Documents;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Revocation;

/// <summary>May this revocation request or compromise notice be accepted (R-RV-01)?</summary>
public static class RevocationRules
{
    public static Decision Check(RevocationRequest request, IdentityDocumentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Decision.Check([new RevocationIdentityRule(request, catalog)]);
    }
}
