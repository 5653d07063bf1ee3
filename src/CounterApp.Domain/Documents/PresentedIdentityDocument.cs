namespace CounterApp.Domain.Documents;

/// <summary>A photo identity document shown at the counter, with the details the rules need (R-ID-01..03).</summary>
/// <param name="TypeCode">A code from the <see cref="IdentityDocumentCatalog"/>.</param>
/// <param name="ExpiresOn">Last valid day (inclusive); null for documents without expiry (e.g. 身体障害者手帳).</param>
/// <param name="AddressMatchesRegister">The address on the document is the registered address (R-ID-02).</param>
public sealed record PresentedIdentityDocument(
    string TypeCode,
    DocumentHolder Holder,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    bool AddressMatchesRegister);
