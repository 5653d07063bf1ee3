namespace CounterApp.Web.Features.SecondVisit;

/// <summary>The checklist as the clerk ticks it; the proxy's document scan comes as the file field "copy".</summary>
public sealed class SecondVisitForm
{
    public bool AnswerSheet { get; set; }

    public bool ResidentCard { get; set; }

    public bool SealConfirmed { get; set; }

    public bool PowerOfAttorney { get; set; }

    public bool PowerOfAttorneySigned { get; set; }

    public bool PowerOfAttorneySealed { get; set; }

    public DateOnly? SealCertificateIssuedOn { get; set; }

    public bool SealCertificateMatches { get; set; }

    public string? ProxyDocumentType { get; set; }

    public DateOnly? ProxyDocumentIssuedOn { get; set; }

    public DateOnly? ProxyDocumentExpiresOn { get; set; }
}
