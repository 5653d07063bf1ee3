using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using CounterApp.Card.Client;
using CounterApp.Card.Connection;
using CounterApp.Domain.Applications;
using CounterApp.Domain.CardServices;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Features.RulesDemo;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.CardServices;

/// <summary>What the check found: the card the service runs on and the counter as the audit names it.</summary>
public sealed record CardServiceChecked(ResidentCardRecord Card, string? Counter, CertificateRecord? Certificate)
{
    public CardSessionContext Context(string actor) => new(actor, Counter, Card);
}

/// <summary>
/// The common first part of every card service (R-CA-01..03, R-PX-03, R-ID-01..03): the resident comes in person, the
/// identity document is re-checked with the reference catalog, the certificate's locked state is read from the card in
/// the reader (and kept on the certificate record), and <see cref="CardServiceRules"/> decide. The check is audited as
/// "card-service.identity-checked" (succeeded or refused with the rule IDs, never a secret; R-X-01/02).
/// </summary>
public sealed class CardServiceCheck(CounterDbContext db, CertificateStatuses statuses, AuditTrail audit, TimeProvider time)
{
    public const string CheckAction = "card-service.identity-checked";
    public const string StartAction = "card-service.chosen";

    /// <summary>The card services page: refuses a proxy at once (R-PX-03) and audits the choice either way.</summary>
    public async Task<CardServiceResult> StartAsync(StartCardService request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Actor))
        {
            return CardServiceResult.Invalid("R-X-01", "actor", CardServiceText.Get("ActorRequired"));
        }

        if (!request.Procedure.IsCardService())
        {
            return CardServiceResult.Invalid("R-X-03", "procedure", CardServiceText.Get("ChooseService"));
        }

        var residentCode = await ResidentCodeAsync(request.ResidentId, cancellationToken);
        if (residentCode is null)
        {
            return CardServiceResult.NotFound();
        }

        var counter = await CounterAsync(request.CounterId, cancellationToken);
        var decision = Decision.Check([new ProxyNotAllowedRule(request.Procedure, request.Applicant)]);
        await AppendAsync(request.Actor, counter, residentCode, StartAction, decision.IsAllowed ? AuditOutcomes.Succeeded : AuditOutcomes.Refused,
            ("procedure", request.Procedure.ToString()), ("applicant", request.Applicant.ToString()), ("rules", Rules(decision)));
        return decision.IsAllowed ? CardServiceResult.Done() : CardServiceResult.Refused(decision);
    }

    /// <summary>
    /// Checks the call for <paramref name="procedure"/> on the card in <paramref name="connection"/>. Returns the card to
    /// run the service on, or the result to show (invalid input, refusal, a card that could not be read).
    /// </summary>
    public async Task<(CardServiceChecked? Checked, CardServiceResult? Stop)> CheckAsync(
        Procedure procedure, CardServiceCall call, ISmartCardConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(connection);
        if (string.IsNullOrWhiteSpace(call.Actor))
        {
            return (null, CardServiceResult.Invalid("R-X-01", "actor", CardServiceText.Get("ActorRequired")));
        }

        var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == call.ResidentId, cancellationToken);
        if (resident is null)
        {
            return (null, CardServiceResult.NotFound());
        }

        var counter = await CounterAsync(call.CounterId, cancellationToken);
        var ruleId = RuleIdOf(procedure);
        var proxy = Decision.Check([new ProxyNotAllowedRule(procedure, call.Applicant)]);
        if (!proxy.IsAllowed)
        {
            await AppendAsync(call.Actor, counter, resident.ResidentCode, CheckAction, AuditOutcomes.Refused, ("procedure", procedure.ToString()), ("rules", Rules(proxy)));
            return (null, CardServiceResult.Refused(proxy));
        }

        var reference = await CounterReference.LoadAsync(db, cancellationToken)
            ?? throw new InvalidOperationException("The office has no reference data.");
        var cards = await db.ResidentCards.AsNoTracking().Include(c => c.Resident).Where(c => c.ResidentId == resident.Id).ToListAsync(cancellationToken);
        var card = cards.Where(c => c.Status == CardStatus.Active).OrderByDescending(c => c.ExpiryDate).FirstOrDefault();
        if (card is null)
        {
            return (null, CardServiceResult.Invalid(ruleId, "card", CardServiceText.Get("NoActiveCard")));
        }

        var documentRequired = procedure != Procedure.PasswordChange || !card.HasPhoto;
        if (Validate(call.Document, documentRequired, ruleId, reference.Documents) is { } invalid)
        {
            return (null, invalid);
        }

        var record = await statuses.Certificates
            .Where(CertificateStatuses.IsValid)
            .Where(c => c.Certificate.CardId == card.Id)
            .OrderByDescending(c => c.Certificate.ExpiresOn)
            .Select(c => c.Certificate)
            .FirstOrDefaultAsync(cancellationToken);

        // R-CA-01: the locked state comes from the card itself (VERIFY without data), not from the record; the card in
        // the reader must hold the key of the resident's certificate (another resident's card is not theirs to change).
        var locked = false;
        var cardIsTheirs = true;
        if (record is not null)
        {
            try
            {
                var client = new ResidentCardClient(connection);
                var key = await client.ReadPublicKeyAsync(cancellationToken);
                var der = await statuses.DerAsync(record.Serial, cancellationToken);
                cardIsTheirs = der is null || (key is not null && SameKey(key.ToSubjectPublicKeyInfo(), der));
                var status = await client.GetPasswordStatusAsync(cancellationToken);
                locked = status.IsBlocked;
            }
            catch (Exception error) when (error is IOException or CardCommandException or OperationCanceledException or TimeoutException or AsnContentException or CryptographicException)
            {
                await AppendAsync(call.Actor, counter, resident.ResidentCode, CheckAction, AuditOutcomes.Failed, ("procedure", procedure.ToString()), ("error", error.GetType().Name));
                return (null, CardServiceResult.Retry(CardServiceText.Get("CardUnreadable")));
            }
        }

        var today = TokyoClock.Today(time);
        var documents = call.Document is { } d
            ? new[] { new PresentedIdentityDocument(d.TypeCode!, DocumentHolder.Resident, d.IssuedOn, d.ExpiresOn, d.AddressMatchesRegister) }
            : [];
        var certificate = record is null || procedure == Procedure.CardPinReset ? null
            : new Certificate(record.Serial, card.CardNumber, record.IssuedOn, record.ExpiresOn, CertificateStatus.Active, locked);
        var request = new CardServiceRequest(procedure, call.Applicant, card.ToDomain(resident.ResidentCode), certificate, documents, today);
        var notTheirs = cardIsTheirs ? Decision.Allowed : new Decision([new BrokenRule(ruleId, "card", CardServiceText.Get("CardNotTheResidents"))], []);
        var decision = Decision.Combine(
            [notTheirs, CardServiceRules.Check(request, reference.Documents), .. documents.Select(doc => IdentityDocumentRules.Check(doc, reference.Documents, today))]);
        var details = new List<(string, string?)> { ("procedure", procedure.ToString()), ("serial", record?.Serial), ("locked", locked ? "true" : "false") };
        if (call.Document is { } shown)
        {
            details.Add(("type", shown.TypeCode));
        }

        if (!decision.IsAllowed)
        {
            await AppendAsync(call.Actor, counter, resident.ResidentCode, CheckAction, AuditOutcomes.Refused, [.. details, ("rules", Rules(decision))]);
            return (null, CardServiceResult.Refused(decision));
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await audit.LockChainAsync(cancellationToken);
            if (record is not null && record.IsLocked != locked)
            {
                record.IsLocked = locked;
                await db.SaveChangesAsync(cancellationToken);
            }

            await AppendAsync(call.Actor, counter, resident.ResidentCode, CheckAction, AuditOutcomes.Succeeded, [.. details]);
            await transaction.CommitAsync(cancellationToken);
        }

        return (new CardServiceChecked(card, counter, record), null);
    }

    public static string RuleIdOf(Procedure procedure) => procedure switch
    {
        Procedure.Unlock => "R-CA-01",
        Procedure.PasswordChange => "R-CA-02",
        Procedure.CardPinReset => "R-CA-03",
        _ => throw new ArgumentOutOfRangeException(nameof(procedure), procedure, "Not a card service."),
    };

    private static bool SameKey(byte[] cardKey, byte[] certificateDer)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificateDer);
        return CryptographicOperations.FixedTimeEquals(cardKey, certificate.PublicKey.ExportSubjectPublicKeyInfo());
    }

    private static CardServiceResult? Validate(IdentityDocumentInput? document, bool required, string ruleId, IdentityDocumentCatalog catalog)
    {
        if (document is null || string.IsNullOrEmpty(document.TypeCode))
        {
            return required ? CardServiceResult.Invalid(ruleId, "document.typeCode", CardServiceText.Get("DocumentRequired")) : null;
        }

        if (catalog.Find(document.TypeCode) is null)
        {
            return CardServiceResult.Invalid("R-ID-01", "document.typeCode", CardServiceText.Get("DocumentTypeUnknown"));
        }

        // R-ID-03: a kind of document with an expiry date is not judged without it (a blank date must not skip the check).
        var entered = IdentityDocumentRules.CheckEntered(
            new PresentedIdentityDocument(document.TypeCode, DocumentHolder.Resident, document.IssuedOn, document.ExpiresOn, document.AddressMatchesRegister), catalog);
        if (entered.BrokenRules is [var missing, ..])
        {
            return CardServiceResult.Invalid(missing.RuleId, missing.Field, missing.Message);
        }

        return document.IssuedOn is { } issued && document.ExpiresOn is { } expires && expires < issued
            ? CardServiceResult.Invalid("R-X-03", "document.expiresOn", CardServiceText.Get("DocumentDatesOrder"))
            : null;
    }

    private async Task<string?> ResidentCodeAsync(long residentId, CancellationToken cancellationToken) =>
        await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => r.ResidentCode).SingleOrDefaultAsync(cancellationToken);

    private async Task<string?> CounterAsync(int? counterId, CancellationToken cancellationToken)
    {
        if (counterId is not { } id)
        {
            return null;
        }

        var number = await db.Counters.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.Number).SingleOrDefaultAsync(cancellationToken);
        return number?.ToString(CultureInfo.InvariantCulture);
    }

    private static string Rules(Decision decision) => string.Join(",", decision.BrokenRules.Select(r => r.RuleId).Distinct());

    private Task<AuditEntry> AppendAsync(string actor, string? counter, string residentCode, string action, string outcome, params (string Key, string? Value)[] details) =>
        audit.AppendAsync(
            new AuditEvent
            {
                Actor = actor,
                Counter = counter,
                ResidentCode = residentCode,
                Action = action,
                Outcome = outcome,
                Details = details.ToDictionary(d => d.Key, d => d.Value),
            },
            CancellationToken.None);
}
