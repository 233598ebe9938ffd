using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Browsers;

/// <summary>A simulator whose opens start a real Chromium; fails the test with the fix when the machine has none.</summary>
internal static class BrowserSimulator
{
    public static IxBrowserSimulator Start(IxBrowserSimulatorOptions? options = null)
    {
        var simulator = IxBrowserSimulator.Start(options ?? new IxBrowserSimulatorOptions());
        if (simulator.ChromiumPath is null)
        {
            simulator.Dispose();
            Assert.Fail("These tests drive a real headless Chromium and none was found: run `apt-get install -y chromium chromium-driver` (.ci/run does), or set IXBROWSER_SIMULATOR_CHROMIUM.");
        }

        return simulator;
    }
}

/// <summary>Browser tests run one at a time: each starts Chromium processes, and a 2-core machine is shared with the timing tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public class RealBrowserTests
{
    public const string Name = "Real browsers";
}
