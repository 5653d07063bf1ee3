namespace CounterApp.Domain.Revocation;

/// <summary>A register or card event for one resident; for card events, the card concerned.</summary>
public sealed record RegisterEvent(RegisterEventKind Kind, string ResidentCode, DateTimeOffset OccurredAt, string? CardNumber = null);
