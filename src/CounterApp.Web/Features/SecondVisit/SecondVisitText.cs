using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.SecondVisit;

/// <summary>Texts of the second visit: Resources/Features/SecondVisit/SecondVisitText.resx (Japanese) and .en.resx.</summary>
public sealed class SecondVisitText
{
    private static readonly ResourceText Text = new(typeof(SecondVisitText));

    public static string Get(string name, params object?[] args) => Text.Format(name, args);
}
