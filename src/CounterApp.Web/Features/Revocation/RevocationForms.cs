using CounterApp.Domain.Applications;

namespace CounterApp.Web.Features.Revocation;

/// <summary>The first step: which certificate, what kind of request, who came.</summary>
public sealed class RevocationChoiceForm
{
    public string? Serial { get; set; }

    public Procedure? Procedure { get; set; }

    public ApplicantKind? Applicant { get; set; }
}

/// <summary>The confirmation step: the choice again (hidden) and the documents shown.</summary>
public sealed class RevocationConfirmForm
{
    public string? Serial { get; set; }

    public Procedure? Procedure { get; set; }

    public ApplicantKind? Applicant { get; set; }

    public string? TypeCode { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public bool AddressMatches { get; set; }

    public bool PowerOfAttorneySigned { get; set; }

    public bool PowerOfAttorneySealed { get; set; }
}
