namespace CounterApp.Domain.Offices;

/// <summary>The office whose counter the visit is at.</summary>
/// <param name="MunicipalityCode">The municipality the office belongs to (R-EL-01, R-EL-02).</param>
/// <param name="Ward">For a municipality with ward offices, the ward this office serves (R-EL-05); null otherwise.</param>
public sealed record Office(string Code, string Name, string MunicipalityCode, string MunicipalityName, string? Ward = null);
