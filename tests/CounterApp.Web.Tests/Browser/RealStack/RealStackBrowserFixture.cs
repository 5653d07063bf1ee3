using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Browser.RealStack;

/// <summary>The browser fixture with the app's simulated readers off: counters get their reader from a real reader agent.</summary>
public sealed class RealStackBrowserFixture : BrowserFixture
{
    public RealStackBrowserFixture()
        : base(WithAgentReaders())
    {
    }

    private static CounterAppFactory WithAgentReaders()
    {
        var app = new CounterAppFactory();
        app.Settings["Readers:Simulated"] = "false";
        app.Settings["Agents:OperationTimeout"] = "00:00:30";
        return app;
    }
}
