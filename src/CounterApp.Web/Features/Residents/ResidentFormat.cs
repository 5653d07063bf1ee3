using System.Globalization;
using CounterApp.Domain.Eras;

namespace CounterApp.Web.Features.Residents;

/// <summary>Dates and times as the residents pages show them: era and Gregorian year in Japanese (R-X-04), ISO in English.</summary>
public static class ResidentFormat
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Date(DateOnly date) => English || date < JapaneseEra.Earliest
        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : JapaneseEraDate.Format(date, withGregorianYear: true);

    public static string DateTime(DateTime tokyo) =>
        Date(DateOnly.FromDateTime(tokyo)) + " " + tokyo.ToString("H:mm", CultureInfo.InvariantCulture);
}
