using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.AuditViewer;

/// <summary>Texts of the audit viewer: Resources/Features/AuditViewer/AuditViewerText.resx (Japanese) and .en.resx.</summary>
public sealed class AuditViewerText
{
    private static readonly ResourceText Text = new(typeof(AuditViewerText));

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args) => Text.Format(name, args);
}
