using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>A change event from the register, validated (see README.md for the JSON).</summary>
/// <param name="CardNumber">For card events: the card concerned.</param>
/// <param name="Payload">The event in canonical JSON: what is stored, and what a repeated delivery is compared with.</param>
public sealed record RegisterChangeEvent(
    string EventId,
    RegisterEventKind Kind,
    string ResidentCode,
    DateTimeOffset OccurredAt,
    string? CardNumber,
    RegisterNewValues NewValues,
    string Payload)
{
    public RegisterEvent ToDomain() => new(Kind, ResidentCode, OccurredAt, CardNumber);
}

/// <summary>The new values an event carries; which ones depends on the kind.</summary>
/// <param name="HasWard">Whether "ward" was sent (null then clears it).</param>
public sealed record RegisterNewValues(
    string? FamilyName = null,
    string? GivenName = null,
    string? FamilyNameKana = null,
    string? GivenNameKana = null,
    string? Address = null,
    bool HasWard = false,
    string? Ward = null,
    Sex? Sex = null,
    DateOnly? BirthDate = null,
    string? NewCardNumber = null,
    bool? NewCardHasPhoto = null,
    DateOnly? NewCardExpiryDate = null,
    string? NewCardChipSerial = null);
