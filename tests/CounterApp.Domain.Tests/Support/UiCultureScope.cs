using System.Globalization;

namespace CounterApp.Domain.Tests.Support;

/// <summary>Sets the UI culture for one test and puts the previous one back, so message tests do not depend on the machine.</summary>
internal sealed class UiCultureScope : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public UiCultureScope(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
