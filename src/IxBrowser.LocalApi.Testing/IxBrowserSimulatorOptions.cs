using System;

namespace IxBrowser.LocalApi.Testing;

/// <summary>Settings of <see cref="IxBrowserSimulator.Start(IxBrowserSimulatorOptions)"/>.</summary>
public sealed class IxBrowserSimulatorOptions
{
    /// <summary>Where to listen, such as <c>http://127.0.0.1:53200</c>; <see langword="null"/> (the default) for a free loopback port.</summary>
    public Uri? ListenAddress { get; set; }

    /// <summary>
    /// How many of the latest requests <see cref="IxBrowserSimulator.ReceivedRequests"/> keeps; older
    /// ones are dropped (<see cref="IxBrowserSimulator.ReceivedRequestCount"/> still counts them), so a
    /// long-running simulator's memory stays bounded. Default 10,000.
    /// </summary>
    public int RecordedRequestLimit { get; set; } = 10_000;

    /// <summary>
    /// The largest request body the simulator reads, in bytes. A larger one is answered HTTP 413 with an
    /// envelope of error 1000 and is not recorded or acted on. Default 1 MiB.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The Chromium that profile-open starts (headless, one user-data directory per profile). When not
    /// set: the IXBROWSER_SIMULATOR_CHROMIUM environment variable, else chromium, chromium-browser,
    /// google-chrome or google-chrome-stable on PATH. Without one, opens answer 2011 and say how to install it.
    /// </summary>
    public string? ChromiumPath { get; set; }

    /// <summary>
    /// The ChromeDriver that profile-open reports as the profile's webdriver (for Selenium). When not set:
    /// IXBROWSER_SIMULATOR_CHROMEDRIVER, else chromedriver on PATH; empty when none is found.
    /// </summary>
    public string? ChromeDriverPath { get; set; }

    /// <summary>
    /// Where the profiles' browser data lives, one directory per profile, kept across opens. When not set,
    /// a new temporary directory that the simulator deletes when it stops.
    /// </summary>
    public string? BrowserDataDirectory { get; set; }

    /// <summary>How long a browser may take to open its debugging port before the open fails. Default 30 seconds.</summary>
    public TimeSpan BrowserStartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (BrowserStartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"BrowserStartTimeout must be positive, not {BrowserStartTimeout}.", nameof(BrowserStartTimeout));
        }

        if (ListenAddress is { } address && (!address.IsAbsoluteUri || address.Scheme != Uri.UriSchemeHttp || address.AbsolutePath != "/"))
        {
            throw new ArgumentException($"The simulator listens at an http address such as http://127.0.0.1:53200, not \"{address}\".", nameof(ListenAddress));
        }

        if (RecordedRequestLimit < 0)
        {
            throw new ArgumentException($"RecordedRequestLimit must be 0 or more, not {RecordedRequestLimit}.", nameof(RecordedRequestLimit));
        }

        if (MaxRequestBodyBytes < 1024)
        {
            throw new ArgumentException($"MaxRequestBodyBytes must be at least 1024, not {MaxRequestBodyBytes}.", nameof(MaxRequestBodyBytes));
        }
    }
}
