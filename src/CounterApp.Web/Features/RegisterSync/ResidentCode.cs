namespace CounterApp.Web.Features.RegisterSync;

/// <summary>
/// 住民票コード: 11 half-width digits, ten chosen at random and one check digit (住民基本台帳法施行規則 第1条).
/// The check digit's formula is fixed by a ministry notice (平成14年総務省告示第436号) whose text could not be
/// confirmed here, so only the form is checked; see README.md. When the formula is confirmed, it goes in
/// <see cref="IsWellFormed"/> and every caller gets it.
/// </summary>
public static class ResidentCode
{
    public const int Length = 11;

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(char.IsAsciiDigit);
}
