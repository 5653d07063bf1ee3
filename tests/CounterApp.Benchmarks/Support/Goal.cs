using System.Globalization;

namespace CounterApp.Benchmarks.Support;

/// <summary>One goal of issue 4: a ratio measured in this run against its limit.</summary>
/// <param name="Measured">Our figure, for the reader (e.g. "1 234 issued/s").</param>
/// <param name="Reference">The reference figure from the same run (OpenSSL, or the other half of the ratio).</param>
internal sealed record Goal(string Name, string Measured, string Reference, double Ratio, double Limit, bool AtLeast)
{
    public bool Passed => AtLeast ? Ratio >= Limit : Ratio <= Limit;

    public string Verdict => Passed ? "PASS" : "FAIL";

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name,-34} {Measured,-26} {Reference,-32} ratio {Ratio,6:0.00}  goal {(AtLeast ? ">=" : "<=")} {Limit:0.##}  {Verdict}");
}
