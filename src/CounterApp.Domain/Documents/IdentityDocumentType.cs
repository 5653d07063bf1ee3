namespace CounterApp.Domain.Documents;

/// <summary>
/// One kind of photo identity document from the legal list (R-ID-01). The list is reference data an
/// administrator edits; <see cref="IdentityDocumentCatalog.Default"/> is the list in SPEC.md.
/// </summary>
/// <param name="Code">A stable code, e.g. "driver-licence".</param>
/// <param name="IssuedOnOrAfter">Accepted only when issued on or after this day (運転経歴証明書: 2012-04-01).</param>
/// <param name="Accepted">False keeps a retired type on file (for old records) while refusing it at the counter.</param>
/// <param name="AddressCheck">R-ID-02: the document's address is compared with the register (false for a document without one).</param>
/// <param name="HasExpiry">R-ID-03: this kind of document always carries an expiry date (passport, driver's licence, …), so the clerk must enter it.</param>
public sealed record IdentityDocumentType(
    string Code,
    string NameJa,
    string NameEn,
    DateOnly? IssuedOnOrAfter = null,
    bool Accepted = true,
    bool AddressCheck = true,
    bool HasExpiry = false);
