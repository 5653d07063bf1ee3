using CounterApp.Domain.Applications;

namespace CounterApp.Web.Features.CardServices;

/// <summary>The identity document the clerk re-checks (R-CA-01..03, R-ID-01..03), entered as in issuance.</summary>
public sealed record IdentityDocumentInput(string? TypeCode, DateOnly? IssuedOn, DateOnly? ExpiresOn, bool AddressMatchesRegister);

/// <summary>
/// Who asks for a card service for which resident, at which counter: the common part of the three services.
/// <paramref name="Document"/> is required for unlock and PIN reset, and for a password change on a card without photo.
/// </summary>
public sealed record CardServiceCall(long ResidentId, ApplicantKind Applicant, IdentityDocumentInput? Document, string Actor, int? CounterId);

/// <summary>The choice on the card services page: which service, and who stands at the counter (R-PX-03).</summary>
public sealed record StartCardService(long ResidentId, Procedure Procedure, ApplicantKind Applicant, string Actor, int? CounterId);
