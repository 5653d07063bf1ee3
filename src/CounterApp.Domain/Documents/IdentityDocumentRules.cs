using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Documents;

/// <summary>Is this identity document acceptable today? R-ID-01..03, every broken rule at once; R-ID-02 may be overridden.</summary>
public static class IdentityDocumentRules
{
    public static IEnumerable<IBusinessRule> For(PresentedIdentityDocument document, IdentityDocumentCatalog catalog, DateOnly today) =>
    [
        new AcceptedDocumentTypeRule(document, catalog),
        new DocumentAddressRule(document, catalog),
        new DocumentNotExpiredRule(document, today),
    ];

    public static Decision Check(
        PresentedIdentityDocument document,
        IdentityDocumentCatalog catalog,
        DateOnly today,
        IEnumerable<SupervisorOverride>? overrides = null) =>
        Decision.Check(For(document, catalog, today), overrides);

    /// <summary>
    /// What the clerk must have entered before the rules judge the document: the expiry date of a kind that has one
    /// (R-ID-03). A broken rule here is bad input: refuse the step and keep nothing.
    /// </summary>
    public static Decision CheckEntered(PresentedIdentityDocument document, IdentityDocumentCatalog catalog) =>
        Decision.Check([new DocumentExpiryEnteredRule(document, catalog)]);

    /// <summary>True when the document passes R-ID-01 and R-ID-03 (and R-ID-02, unless overridden).</summary>
    public static bool IsAcceptable(
        PresentedIdentityDocument document,
        IdentityDocumentCatalog catalog,
        DateOnly today,
        IEnumerable<SupervisorOverride>? overrides = null) =>
        Check(document, catalog, today, overrides).IsAllowed;
}
