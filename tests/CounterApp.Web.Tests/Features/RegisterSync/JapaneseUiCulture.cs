using System.Globalization;

namespace CounterApp.Web.Tests.Features.RegisterSync;

/// <summary>Japanese UI culture for the rest of a test (messages are asserted in Japanese whatever the machine's locale).</summary>
internal sealed class JapaneseUiCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public JapaneseUiCulture() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
