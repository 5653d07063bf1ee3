using System.Globalization;
using System.Resources;

namespace CounterApp.Web.Features.AuditViewer;

/// <summary>Texts of the audit viewer: Resources/Features/AuditViewer/AuditViewerText.resx (Japanese) and .en.resx.</summary>
public sealed class AuditViewerText
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.Features.AuditViewer.AuditViewerText", typeof(AuditViewerText).Assembly);

    public static string Get(string name, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Resources.GetString(name, culture) ?? throw new InvalidOperationException($"AuditViewerText has no text named {name}.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
