using System.Globalization;

namespace CounterApp.Benchmarks.Support;

/// <summary>Invariant-culture output, so figures read the same whatever the machine's locale.</summary>
internal static class Out
{
    public static void Heading(string text) => Console.WriteLine($"\n== {text}");

    public static void Line(FormattableString text) => Console.WriteLine("   " + text.ToString(CultureInfo.InvariantCulture));

    public static void Line(string text) => Console.WriteLine("   " + text);

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
