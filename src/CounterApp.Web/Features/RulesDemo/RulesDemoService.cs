using CounterApp.Domain.Applications;
using CounterApp.Domain.Calendar;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Periods;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;
using CounterApp.Domain.Visits;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.RulesDemo;

/// <summary>Runs the rules engine for one demo visit: eligibility, hours, documents, same day or two visits, fees, validity.</summary>
public sealed class RulesDemoService(DemoTown town, IOptions<CounterSettings> options, TimeProvider time)
{
    /// <summary>The range of moments the demo judges: the holiday calendar covers 2000–2050 (with room to find the next opening).</summary>
    public static readonly DateTime EarliestMoment = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static readonly DateTime LatestMoment = new(2050, 11, 30, 23, 59, 0, DateTimeKind.Unspecified);

    public DateTime TokyoNow() => TokyoClock.Now(time);

    public IEnumerable<IdentityDocumentType> DocumentTypes => options.Value.Documents.Types.Where(t => t.Accepted);

    /// <summary>
    /// Checks the input before the rules run (R-X-03): returns the UI text key of the first problem, naming the field,
    /// or null when the input can be judged.
    /// </summary>
    public string? Validate(RulesDemoForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var person = town.Find(form.ResidentCode);
        if (person is null)
        {
            return "InvalidResident";
        }

        if (form.At is not { } at || at < EarliestMoment || at > LatestMoment)
        {
            return "InvalidAt";
        }

        if (DateOnly.FromDateTime(at) < person.Resident.BirthDate)
        {
            return "InvalidAtBeforeBirth";
        }

        if (!string.IsNullOrEmpty(form.DocumentType) && options.Value.Documents.Find(form.DocumentType) is null)
        {
            return "InvalidDocumentType";
        }

        if (form.DocumentIssuedOn is { } issued && form.DocumentExpiresOn is { } expires && expires < issued)
        {
            return "InvalidDocumentDates";
        }

        return form.SupervisorOverrideReason is { Length: > 200 } ? "InvalidOverrideReason" : null;
    }

    public RulesDemoResult Check(RulesDemoForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var settings = options.Value;
        if (Validate(form) is { } problem)
        {
            throw new ArgumentException($"The form is not valid ({problem}); call Validate first.", nameof(form));
        }

        var person = town.Find(form.ResidentCode)!;
        var at = DateTime.SpecifyKind(form.At ?? TokyoNow(), DateTimeKind.Unspecified);
        var today = DateOnly.FromDateTime(at);
        List<SupervisorOverride> overrides = string.IsNullOrWhiteSpace(form.SupervisorOverrideReason)
            ? []
            : [new SupervisorOverride("R-HR-03", "demo-supervisor", form.SupervisorOverrideReason), new SupervisorOverride("R-ID-02", "demo-supervisor", form.SupervisorOverrideReason)];

        var decisions = new List<Decision>
        {
            EligibilityRules.Check(new EligibilityRequest(form.Procedure, person.Resident, person.Card, town.Office, at, settings.LastAcceptance)),
            CounterHoursRules.Check(settings.Hours, at, overrides),
        };

        var documents = Documents(form, today);
        foreach (var document in documents.Where(d => d.Holder == DocumentHolder.Resident))
        {
            decisions.Add(IdentityDocumentRules.Check(document, settings.Documents, today, overrides));
        }

        VisitDecision? visit = null;
        CertificateValidity? validity = null;
        IReadOnlyList<FeeLine> fees = FeeRules.LinesFor(form.Procedure, newResidentCard: false, settings.Fees);
        if (form.Procedure.IssuesCertificate())
        {
            visit = VisitRules.Decide(new FirstVisit(form.Applicant, person.Card, documents, today), settings.Documents, overrides);
            decisions.Add(visit.Decision);
            if (form.Procedure == Procedure.Renewal)
            {
                decisions.Add(person.Certificate is { } current
                    ? Decision.Check([new RenewalWindowRule(current, today)])
                    : Decision.Check([new RenewalWindowRule(today.AddDays(-1), today)]));
            }

            if (today <= person.Card.ExpiryDate)
            {
                validity = CertificateValidity.For(today, person.Card);
            }
        }

        // The first decision with an override already carries it; keep each applied override once.
        var overall = Decision.Combine(decisions);
        overall = overall with { Overrides = overall.Overrides.DistinctBy(o => (o.OverrideRuleId, o.SetAside.RuleId, o.SetAside.Message)).ToList() };
        return new RulesDemoResult(overall, visit, fees, validity, settings.Hours.NextOpening(at));
    }

    private static List<PresentedIdentityDocument> Documents(RulesDemoForm form, DateOnly today)
    {
        var list = new List<PresentedIdentityDocument>();
        if (!string.IsNullOrEmpty(form.DocumentType))
        {
            list.Add(new PresentedIdentityDocument(
                form.DocumentType,
                DocumentHolder.Resident,
                form.DocumentIssuedOn is { } issued ? DateOnly.FromDateTime(issued) : null,
                form.DocumentExpiresOn is { } expires ? DateOnly.FromDateTime(expires) : null,
                form.DocumentAddressMatches));
        }

        if (form.Applicant == ApplicantKind.Proxy && form.ProxyShowedPhotoDocument)
        {
            // The demo records only that the proxy showed a valid document; the clerk UI records its details.
            list.Add(new PresentedIdentityDocument("driver-licence", DocumentHolder.Proxy, today.AddYears(-1), today.AddYears(2), true));
        }

        return list;
    }
}
