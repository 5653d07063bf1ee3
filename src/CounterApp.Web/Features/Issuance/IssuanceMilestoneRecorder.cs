using System.Globalization;
using System.Security.Cryptography;
using CounterApp.Domain.Applications;
using CounterApp.Pki.Issuance;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CardSession;

namespace CounterApp.Web.Features.Issuance;

/// <summary>
/// R-CE-09: the application's side of an issuance card session. Each milestone moves the aggregate and commits it with
/// its audit entry in one transaction before the card session takes its next step; a conflict stops the session.
/// </summary>
internal sealed class IssuanceMilestoneRecorder(
    CounterDbContext db, AuditTrail audit, TimeProvider time, LoadedApplication loaded, ResidentCardRecord card, string actor, string? counter) : IIssuanceMilestones
{
    public async Task<Guid> KeyGeneratedAsync(ReadOnlyMemory<byte> subjectPublicKeyInfo, CancellationToken cancellationToken)
    {
        var intent = new IssuanceIntent(Guid.NewGuid(), card.CardNumber, Convert.ToHexString(SHA256.HashData(subjectPublicKeyInfo.Span)));
        var now = time.GetUtcNow();
        loaded.Application.MarkKeyGenerated(now, actor);
        loaded.Application.RecordIssuanceIntent(intent, now, actor);
        await CommitAsync("application.issuance-requested", null, cancellationToken,
            ("request", intent.RequestId.ToString()), ("card", intent.CardNumber), ("publicKeySha256", intent.PublicKeySha256));
        return intent.RequestId;
    }

    public Task SignedAsync(IssuedCertificate issued, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issued);
        loaded.Application.MarkCertificateIssued(issued.Serial.Hex, time.GetUtcNow(), actor);
        return CommitAsync("certificate.issued", CertificateLink.For(issued, card, loaded.Record.Id), cancellationToken,
            ("serial", issued.Serial.Hex), ("request", loaded.Application.Intent?.RequestId.ToString()),
            ("expiresOn", issued.Validity.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    public Task WrittenAsync(string serial, CancellationToken cancellationToken)
    {
        loaded.Application.MarkWrittenToCard(time.GetUtcNow(), actor);
        return CommitAsync("card.certificate-written", null, cancellationToken, ("serial", serial));
    }

    public Task PasswordSetAsync(string serial, CancellationToken cancellationToken)
    {
        loaded.Application.MarkPasswordSet(time.GetUtcNow(), actor);
        return CommitAsync("card.password-set", null, cancellationToken, ("serial", serial));
    }

    private async Task CommitAsync(string action, CertificateRecord? link, CancellationToken cancellationToken, params (string Key, string? Value)[] details)
    {
        // The card session runs on: a milestone is recorded even if the clerk's request is being cancelled, so the
        // record never falls behind what the card and the CA already did.
        var all = details.Append(("state", loaded.Application.State.ToString())).Append(("cardId", card.Id.ToString(CultureInfo.InvariantCulture))).ToArray();
        if (link is not null)
        {
            db.Certificates.Add(link);
        }

        var result = await StepCommit.CommitAsync(db, audit, loaded,
            [IssuanceAudit.Event(actor, counter, loaded, action, AuditOutcomes.Succeeded, all)], IssuanceResult.Done(), CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new MilestoneNotRecordedException($"Application {loaded.Record.Id}: {action} was not recorded ({result.Outcome}).");
        }
    }
}
