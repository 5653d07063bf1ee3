namespace CounterApp.Domain.Revocation;

/// <summary>One certificate to revoke, with its RFC 5280 reason, the moment it takes effect, and the SPEC rule behind it.</summary>
public sealed record RevocationOrder(string Serial, RevocationReason Reason, DateTimeOffset EffectiveAt, string RuleId, string Cause);
