using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Residents;

/// <summary>Dates and times as the residents pages show them: <see cref="UiFormat"/> (era and Gregorian year in Japanese, R-X-04).</summary>
public static class ResidentFormat
{
    public static string Date(DateOnly date) => UiFormat.Date(date);

    public static string DateTime(DateTime tokyo) => UiFormat.DateTime(tokyo);
}
