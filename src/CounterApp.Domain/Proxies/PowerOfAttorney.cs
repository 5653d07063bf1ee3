namespace CounterApp.Domain.Proxies;

/// <summary>委任状 as the clerk checked it: signed and sealed by the resident.</summary>
public sealed record PowerOfAttorney(bool SignedByResident, bool SealedByResident);
