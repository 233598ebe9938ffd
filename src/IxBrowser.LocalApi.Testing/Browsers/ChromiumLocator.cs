using System;
using System.IO;
using System.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Finds the Chromium the simulator starts for profile-open, and the ChromeDriver it reports as the
/// profile's webdriver: the option if set, else the IXBROWSER_SIMULATOR_CHROMIUM /
/// IXBROWSER_SIMULATOR_CHROMEDRIVER environment variables, else the usual names on PATH
/// (Debian's <c>chromium</c> and <c>chromedriver</c>).
/// </summary>
internal static class ChromiumLocator
{
    private static readonly string[] BrowserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser to start; null when none is found (a configured path that does not exist counts as none).</summary>
    public static string? Browser(string? configured) =>
        Existing(configured ?? (Environment.GetEnvironmentVariable("IXBROWSER_SIMULATOR_CHROMIUM") is { Length: > 0 } fromEnvironment ? fromEnvironment : BrowserNames.Select(OnPath).FirstOrDefault(p => p is not null)));

    private static string? Existing(string? path) => path is not null && File.Exists(path) ? path : null;

    public static string? Driver(string? configured) =>
        configured ?? (Environment.GetEnvironmentVariable("IXBROWSER_SIMULATOR_CHROMEDRIVER") is { Length: > 0 } fromEnvironment ? fromEnvironment : OnPath("chromedriver"));

    /// <summary>What to tell a user whose machine has no Chromium.</summary>
    public const string MissingBrowserHint =
        "The simulator starts a real Chromium for profile-open and found none: install it (Debian/Ubuntu: apt-get install chromium chromium-driver), " +
        "or set IxBrowserSimulatorOptions.ChromiumPath or the IXBROWSER_SIMULATOR_CHROMIUM environment variable.";

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
