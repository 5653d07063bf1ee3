using CounterApp.Domain.Applications;

namespace CounterApp.Web.Features.RulesDemo;

/// <summary>What the clerk enters on the rules demo page.</summary>
public sealed class RulesDemoForm
{
    public string ResidentCode { get; set; } = string.Empty;

    public Procedure Procedure { get; set; } = Procedure.NewIssuance;

    public ApplicantKind Applicant { get; set; } = ApplicantKind.InPerson;

    /// <summary>The moment judged, Tokyo wall-clock; the page fills in "now".</summary>
    public DateTime? At { get; set; }

    /// <summary>The resident's photo identity document (R-ID-01), if any.</summary>
    public string? DocumentType { get; set; }

    public DateTime? DocumentIssuedOn { get; set; }

    public DateTime? DocumentExpiresOn { get; set; }

    public bool DocumentAddressMatches { get; set; } = true;

    /// <summary>For a proxy: their own photo document was shown (R-VI-03).</summary>
    public bool ProxyShowedPhotoDocument { get; set; }

    /// <summary>R-HR-03 / R-ID-02: a supervisor's reason to set aside hours or the document address; empty = none.</summary>
    public string? SupervisorOverrideReason { get; set; }
}
