namespace CounterApp.Domain.Residents;

/// <summary>A person in the resident register, as the counter rules need them.</summary>
/// <param name="ResidentCode">住民票コード (11 digits).</param>
/// <param name="MunicipalityCode">The registering municipality (全国地方公共団体コード).</param>
/// <param name="Ward">The ward (区) of registration where the municipality has ward offices; null otherwise (R-EL-05).</param>
/// <param name="IsAdultWard">成年被後見人 (R-EL-03).</param>
public sealed record Resident(
    string ResidentCode,
    string MunicipalityCode,
    RegisterStatus RegisterStatus,
    string FamilyName,
    string GivenName,
    string FamilyNameKana,
    string GivenNameKana,
    DateOnly BirthDate,
    Sex Sex,
    string Address,
    string? Ward,
    bool IsAdultWard)
{
    public string FullName => $"{FamilyName}\u3000{GivenName}";

    public string FullNameKana => $"{FamilyNameKana}\u3000{GivenNameKana}";
}
