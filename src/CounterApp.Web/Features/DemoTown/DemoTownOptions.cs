namespace CounterApp.Web.Features.DemoTown;

/// <summary>Section "Demo": the demo town for the embedded default.</summary>
public sealed class DemoTownOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo town on an empty database. Null = only on the embedded default (SQLite).</summary>
    public bool? Enabled { get; set; }
}
