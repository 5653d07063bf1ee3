using System.Globalization;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>How an event ended.</summary>
public enum RegisterEventStatus
{
    /// <summary>Applied now, with its revocation requests.</summary>
    Applied,

    /// <summary>This event ID was applied before with the same content; nothing happened again.</summary>
    AlreadyApplied,

    /// <summary>This event ID was applied before with different content.</summary>
    EventIdReused,

    ResidentNotFound,

    /// <summary>The card named is not one of the resident's cards.</summary>
    CardNotFound,

    /// <summary>The new card's number belongs to another resident.</summary>
    CardNumberTaken,

    /// <summary>The new card's chip serial is another card's (R-CA-04: one chip, one card).</summary>
    ChipSerialTaken,

    /// <summary>Concurrent changes kept colliding; the sender should retry.</summary>
    Busy,
}

/// <summary>The outcome, the number of certificates whose revocation was requested, and the Japanese reason when refused.</summary>
public sealed record RegisterEventResult(RegisterEventStatus Status, int RevocationRequests = 0, string? Field = null, string? Message = null);

/// <summary>
/// Applies one register change event to the resident (fields, status, card status) and records the R-RV-02
/// revocation requests, all in one transaction with the event row, whose ID makes redelivery harmless.
/// </summary>
public sealed partial class RegisterEventApplier(
    CounterDbContext db, TimeProvider time, AuditTrail audit, CertificateStatuses statuses, ILogger<RegisterEventApplier> logger)
{
    private const int Attempts = 3;

    public async Task<RegisterEventResult> ApplyAsync(RegisterChangeEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                return await TryApplyAsync(change, cancellationToken);
            }
            catch (DbUpdateException e)
            {
                // A concurrent delivery of the same event, or a concurrent edit of the resident: look again.
                db.ChangeTracker.Clear();
                LogCollision(logger, change.EventId, attempt, e);
            }
        }

        return new RegisterEventResult(RegisterEventStatus.Busy, Message: RegisterValues.Message("EventBusy"));
    }

    private async Task<RegisterEventResult> TryApplyAsync(RegisterChangeEvent change, CancellationToken cancellationToken)
    {
        var earlier = await db.RegisterEvents.AsNoTracking().Where(e => e.EventId == change.EventId).Select(e => e.Payload).FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null)
        {
            return string.Equals(earlier, change.Payload, StringComparison.Ordinal)
                ? new RegisterEventResult(RegisterEventStatus.AlreadyApplied)
                : new RegisterEventResult(RegisterEventStatus.EventIdReused, Field: "eventId", Message: RegisterValues.Message("EventIdReused", change.EventId));
        }

        var resident = await db.Residents.Include(r => r.Cards).FirstOrDefaultAsync(r => r.ResidentCode == change.ResidentCode, cancellationToken);
        if (resident is null)
        {
            return new RegisterEventResult(RegisterEventStatus.ResidentNotFound, Field: "residentCode", Message: RegisterValues.Message("ResidentNotFound", change.ResidentCode));
        }

        if (await ApplyToResidentAsync(change, resident, cancellationToken) is { } refused)
        {
            db.ChangeTracker.Clear();
            return refused;
        }

        var now = time.GetUtcNow().UtcDateTime;
        resident.UpdatedAt = now;
        var certificates = await RegisterRevocations.ActiveCertificatesAsync(db, statuses, [resident.Id], cancellationToken);
        var requests = RegisterRevocations.Requests([change.ToDomain()], certificates[resident.Id], now);
        db.RevocationRequests.AddRange(requests);
        db.RegisterEvents.Add(new RegisterEventRecord
        {
            EventId = change.EventId,
            Kind = change.Kind,
            ResidentCode = change.ResidentCode,
            OccurredAt = change.OccurredAt.UtcDateTime,
            ReceivedAt = now,
            Payload = change.Payload,
        });

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = RegisterSyncAuditing.Actor,
                ResidentCode = change.ResidentCode,
                Action = "register.event-applied",
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?>
                {
                    ["eventId"] = change.EventId,
                    ["kind"] = change.Kind.ToString(),
                    ["occurredAt"] = change.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
                    ["cardNumber"] = change.CardNumber,
                    ["revocationRequests"] = requests.Count.ToString(CultureInfo.InvariantCulture),
                },
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegisterEventResult(RegisterEventStatus.Applied, requests.Count);
    }

    private async Task<RegisterEventResult?> ApplyToResidentAsync(RegisterChangeEvent change, ResidentRecord resident, CancellationToken cancellationToken)
    {
        var values = change.NewValues;
        switch (change.Kind)
        {
            case RegisterEventKind.NameChanged:
                resident.FamilyName = values.FamilyName!;
                resident.GivenName = values.GivenName!;
                resident.FamilyNameKana = values.FamilyNameKana ?? resident.FamilyNameKana;
                resident.GivenNameKana = values.GivenNameKana ?? resident.GivenNameKana;
                resident.SearchKey = ResidentSearchKey.For(resident.FamilyName, resident.GivenName, resident.FamilyNameKana, resident.GivenNameKana);
                break;
            case RegisterEventKind.AddressChanged:
                resident.Address = values.Address!;
                if (values.HasWard)
                {
                    resident.Ward = values.Ward;
                }

                break;
            case RegisterEventKind.SexChanged:
                resident.Sex = values.Sex!.Value;
                break;
            case RegisterEventKind.BirthDateChanged:
                resident.BirthDate = values.BirthDate!.Value;
                break;
            case RegisterEventKind.MovedOut:
                resident.RegisterStatus = RegisterStatus.MovedOut;
                break;
            case RegisterEventKind.Died:
                resident.RegisterStatus = RegisterStatus.Deceased;
                break;
            case RegisterEventKind.CardReplaced or RegisterEventKind.CardReturned:
                return await ApplyToCardAsync(change, resident, cancellationToken);
        }

        return null;
    }

    private async Task<RegisterEventResult?> ApplyToCardAsync(RegisterChangeEvent change, ResidentRecord resident, CancellationToken cancellationToken)
    {
        var card = resident.Cards.FirstOrDefault(c => c.CardNumber == change.CardNumber);
        if (card is null)
        {
            return new RegisterEventResult(RegisterEventStatus.CardNotFound, Field: "cardNumber", Message: RegisterValues.Message("CardNotFound", change.CardNumber, change.ResidentCode));
        }

        card.Status = change.Kind == RegisterEventKind.CardReturned ? CardStatus.Returned : CardStatus.Replaced;
        if (change.NewValues.NewCardNumber is not { } number)
        {
            return null;
        }

        var owner = await db.ResidentCards.Where(c => c.CardNumber == number).Select(c => (long?)c.ResidentId).FirstOrDefaultAsync(cancellationToken);
        if (owner is { } ownerId && ownerId != resident.Id)
        {
            return new RegisterEventResult(RegisterEventStatus.CardNumberTaken, Field: "newValues.newCardNumber", Message: RegisterValues.Message("CardNumberTaken", number));
        }

        var chipSerial = change.NewValues.NewCardChipSerial!;
        var chipOf = await db.ResidentCards.Where(c => c.ChipSerial == chipSerial).Select(c => c.CardNumber).FirstOrDefaultAsync(cancellationToken);
        if (chipOf is not null && chipOf != number)
        {
            return new RegisterEventResult(RegisterEventStatus.ChipSerialTaken, Field: "newValues.newCardChipSerial", Message: RegisterValues.Message("ChipSerialTaken", chipSerial, chipOf));
        }

        var newCard = resident.Cards.FirstOrDefault(c => c.CardNumber == number);
        if (newCard is null)
        {
            newCard = new ResidentCardRecord { CardNumber = number, IssuingMunicipalityCode = resident.MunicipalityCode };
            resident.Cards.Add(newCard);
        }

        newCard.HasPhoto = change.NewValues.NewCardHasPhoto!.Value;
        newCard.ExpiryDate = change.NewValues.NewCardExpiryDate!.Value;
        newCard.ChipSerial = chipSerial;
        newCard.Status = CardStatus.Active;
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Register event {EventId}: the database refused attempt {Attempt}; retrying")]
    private static partial void LogCollision(ILogger logger, string eventId, int attempt, Exception exception);
}
