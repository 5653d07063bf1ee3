namespace CounterApp.Domain.Revocation;

/// <summary>RFC 5280 CRLReason values used by the counter; the numbers are the RFC's.</summary>
public enum RevocationReason
{
    Unspecified = 0,
    KeyCompromise = 1,
    AffiliationChanged = 3,
    Superseded = 4,
    CessationOfOperation = 5,
}
