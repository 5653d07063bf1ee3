namespace CounterApp.Domain.Proxies;

/// <summary>印鑑登録証明書 of the seal on the 委任状.</summary>
/// <param name="IssuedOn">Issue date printed on it; must be within the last 3 months (R-PX-02).</param>
/// <param name="MatchesPowerOfAttorneySeal">The clerk compared the registered seal with the one on the 委任状.</param>
public sealed record SealCertificate(DateOnly IssuedOn, bool MatchesPowerOfAttorneySeal);
