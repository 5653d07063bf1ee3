using CounterApp.Domain.Applications;
using CounterApp.Domain.Calendar;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Periods;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;
using CounterApp.Domain.Visits;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.RulesDemo;

/// <summary>Runs the rules engine for one demo visit: eligibility, hours, documents, same day or two visits, fees, validity.</summary>
public sealed class RulesDemoService(CounterDbContext db, CertificateStatuses statuses, IOptions<CounterSettings> options, TimeProvider time)
{
    /// <summary>The range of moments the demo judges: the holiday calendar covers 2000–2050 (with room to find the next opening).</summary>
    public static readonly DateTime EarliestMoment = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static readonly DateTime LatestMoment = new(2050, 11, 30, 23, 59, 0, DateTimeKind.Unspecified);

    public DateTime TokyoNow() => TokyoClock.Now(time);

    /// <summary>The residents to choose from, with their newest card and active certificate.</summary>
    public async Task<IReadOnlyList<DemoResident>> ResidentsAsync(CancellationToken cancellationToken = default)
    {
        var residents = await db.Residents.AsNoTracking().Include(r => r.Cards).OrderBy(r => r.ResidentCode).ToListAsync(cancellationToken);
        var certificates = await statuses.Certificates.AsNoTracking()
            .Where(CertificateStatuses.IsValid)
            .Select(c => c.Certificate)
            .ToListAsync(cancellationToken);
        return residents
            .Where(r => r.Cards.Count > 0)
            .Select(r =>
            {
                var card = r.Cards.OrderByDescending(c => c.ExpiryDate).First();
                var certificate = certificates.Where(c => c.CardId == card.Id).OrderByDescending(c => c.ExpiresOn).FirstOrDefault();
                return new DemoResident(
                    r.ToDomain(),
                    card.ToDomain(r.ResidentCode),
                    certificate is null ? null : new Domain.Certificates.Certificate(certificate.Serial, card.CardNumber, certificate.IssuedOn, certificate.ExpiresOn, Domain.Certificates.CertificateStatus.Active, certificate.IsLocked));
            })
            .ToList();
    }

    public Task<CounterReference?> ReferenceAsync(CancellationToken cancellationToken = default) => CounterReference.LoadAsync(db, cancellationToken);

    /// <summary>R-EL-06 as the counter applies it: the configured moments with the administrator's settings over them.</summary>
    public Task<IReadOnlyDictionary<Procedure, DateTime>> LastAcceptanceAsync(CancellationToken cancellationToken = default) =>
        Administration.AdminSettings.LastAcceptanceAsync(db, options.Value.LastAcceptance, cancellationToken);

    /// <summary>
    /// Checks the input before the rules run (R-X-03): returns the UI text key of the first problem, naming the field,
    /// or null when the input can be judged.
    /// </summary>
    public static string? Validate(RulesDemoForm form, IReadOnlyList<DemoResident> residents, CounterReference reference)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(reference);
        var person = residents.FirstOrDefault(r => r.Resident.ResidentCode == form.ResidentCode);
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

        if (!string.IsNullOrEmpty(form.DocumentType) && reference.Documents.Find(form.DocumentType) is null)
        {
            return "InvalidDocumentType";
        }

        if (form.DocumentIssuedOn is { } issued && form.DocumentExpiresOn is { } expires && expires < issued)
        {
            return "InvalidDocumentDates";
        }

        return form.SupervisorOverrideReason is { Length: > 200 } ? "InvalidOverrideReason" : null;
    }

    public RulesDemoResult Check(RulesDemoForm form, IReadOnlyList<DemoResident> residents, CounterReference reference, IReadOnlyDictionary<Procedure, DateTime>? lastAcceptance = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(reference);
        var settings = options.Value;
        if (Validate(form, residents, reference) is { } problem)
        {
            throw new ArgumentException($"The form is not valid ({problem}); call Validate first.", nameof(form));
        }

        var person = residents.First(r => r.Resident.ResidentCode == form.ResidentCode);
        var at = DateTime.SpecifyKind(form.At ?? TokyoNow(), DateTimeKind.Unspecified);
        var today = DateOnly.FromDateTime(at);
        List<SupervisorOverride> overrides = string.IsNullOrWhiteSpace(form.SupervisorOverrideReason)
            ? []
            : [new SupervisorOverride("R-HR-03", "demo-supervisor", form.SupervisorOverrideReason), new SupervisorOverride("R-ID-02", "demo-supervisor", form.SupervisorOverrideReason)];

        var decisions = new List<Decision>
        {
            EligibilityRules.Check(new EligibilityRequest(form.Procedure, person.Resident, person.Card, reference.Office, at, lastAcceptance ?? settings.LastAcceptance)),
            CounterHoursRules.Check(reference.Hours, at, overrides),
        };

        var documents = Documents(form, today);
        foreach (var document in documents.Where(d => d.Holder == DocumentHolder.Resident))
        {
            decisions.Add(IdentityDocumentRules.Check(document, reference.Documents, today, overrides));
        }

        VisitDecision? visit = null;
        CertificateValidity? validity = null;
        IReadOnlyList<FeeLine> fees = FeeRules.LinesFor(form.Procedure, newResidentCard: false, reference.Fees);
        if (form.Procedure.IssuesCertificate())
        {
            visit = VisitRules.Decide(new FirstVisit(form.Applicant, person.Card, documents, today), reference.Documents, overrides);
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

        return new RulesDemoResult(Decision.Combine(decisions), visit, fees, validity, reference.Hours.NextOpening(at));
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
