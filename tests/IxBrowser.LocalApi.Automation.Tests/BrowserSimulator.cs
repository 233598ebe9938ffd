using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Automation.Tests;

/// <summary>A simulator whose opens start a real Chromium; fails the test with the fix when the machine has none.</summary>
internal static class BrowserSimulator
{
    public static IxBrowserSimulator Start()
    {
        var simulator = IxBrowserSimulator.Start();
        if (simulator.ChromiumPath is null)
        {
            simulator.Dispose();
            Assert.Fail("These tests drive a real headless Chromium and none was found: run `apt-get install -y chromium chromium-driver` (.ci/run does), or set IXBROWSER_SIMULATOR_CHROMIUM.");
        }

        return simulator;
    }
}
