using System.Globalization;
using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Features.Administration;

/// <summary>The checks and the audit wording shared by the municipality, office and counter editors (R-X-03).</summary>
public static class OrganizationRules
{
    public const int MaxNameLength = 100;

    public const int MaxOfficeCodeLength = 16;

    public const int MaxCounterNumber = 99;

    /// <summary>
    /// 地方公共団体コード: five digits and a check digit (weights 6..2, 11 minus the sum mod 11, its last digit),
    /// e.g. 163228 for 上市町.
    /// </summary>
    public static bool IsMunicipalityCode(string? code)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (code[i] - '0') * (6 - i);
        }

        return code[5] - '0' == (11 - (sum % 11)) % 10;
    }

    /// <summary>An office code: 1–16 ASCII letters, digits or hyphens (e.g. "001", "naka-ward").</summary>
    public static bool IsOfficeCode(string? code) =>
        code is { Length: >= 1 and <= MaxOfficeCodeLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>A name: not blank, at most <see cref="MaxNameLength"/> characters, no control characters.</summary>
    public static bool IsName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(char.IsControl);

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Describe(Office office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return $"code={office.Code}, name={office.Name}, ward={office.Ward ?? "none"}";
    }

    public static string DescribeMunicipality(Office office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return $"code={office.MunicipalityCode}, name={office.MunicipalityName}, prefecture={office.PrefectureName}";
    }

    public static string Describe(Counter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        return string.Create(CultureInfo.InvariantCulture, $"number={counter.Number}, name={counter.Name}, {(counter.Active ? "active" : "inactive")}");
    }
}
