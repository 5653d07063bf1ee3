using CounterApp.Domain.Applications;

namespace CounterApp.Web.Features.CardServices;

/// <summary>The card services page's choice as posted (which service, who is at the counter); read strictly, a missing or unknown value is refused.</summary>
public sealed class ChooseCardServiceForm
{
    public string? Procedure { get; set; }

    public string? Applicant { get; set; }
}

/// <summary>
/// The clerk's part of a service page: the identity document. The resident's secrets are plain inputs read from the
/// posted form into char arrays, never bound to a model (so never rendered back, R-X-02).
/// </summary>
public sealed class CardServiceDocumentForm
{
    public string? TypeCode { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public bool AddressMatches { get; set; } = true;

    public IdentityDocumentInput? ToInput() =>
        string.IsNullOrEmpty(TypeCode) ? null : new IdentityDocumentInput(TypeCode, IssuedOn, ExpiresOn, AddressMatches);
}

/// <summary>The services and their path segments under /residents/{id}/card-services/.</summary>
public static class CardServicePaths
{
    public static readonly Procedure[] Services = [Procedure.Unlock, Procedure.PasswordChange, Procedure.CardPinReset];

    public static string Segment(Procedure procedure) => procedure switch
    {
        Procedure.Unlock => "unlock",
        Procedure.PasswordChange => "password",
        Procedure.CardPinReset => "pin",
        _ => throw new ArgumentOutOfRangeException(nameof(procedure), procedure, "Not a card service."),
    };

    public static Procedure? FromSegment(string? segment) => Services.Cast<Procedure?>().FirstOrDefault(p => Segment(p!.Value) == segment);

    public static string Choice(long residentId) => FormattableString.Invariant($"/residents/{residentId}/card-services");

    public static string For(long residentId, Procedure procedure) => Choice(residentId) + "/" + Segment(procedure);
}
