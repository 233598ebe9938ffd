using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Browsers;

/// <summary>A simulator whose opens start a real Chromium (IxBrowserSimulator.StartWithBrowser fails with the install command when there is none).</summary>
internal static class BrowserSimulator
{
    public static IxBrowserSimulator Start(IxBrowserSimulatorOptions? options = null) => IxBrowserSimulator.StartWithBrowser(options);
}

/// <summary>Browser tests run one at a time: each starts Chromium processes, and a 2-core machine is shared with the timing tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public class RealBrowserTests
{
    public const string Name = "Real browsers";
}
