using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Approvals;

/// <summary>Texts of supervisor approvals: Resources/Features/Approvals/ApprovalText.resx (Japanese) and .en.resx.</summary>
public sealed class ApprovalText
{
    private static readonly ResourceText Text = new(typeof(ApprovalText));

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args) => Text.Format(name, args);
}
