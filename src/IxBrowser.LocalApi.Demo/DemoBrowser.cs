using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Playwright;

namespace IxBrowser.LocalApi.Demo;

/// <summary>The demo's main step: a profile id to a Playwright browser, a page read, the profile closed.</summary>
internal static class DemoBrowser
{
    public static async Task DriveAsync(IxBrowserClient client, long profileId, CancellationToken cancellationToken)
    {
        using var page = IxBrowser.LocalApi.Testing.TestWebPage.Start("IxBrowser.LocalApi demo", "<h1 id=\"greeting\">Hello from a page served by the demo</h1>");
        var clock = Stopwatch.StartNew();
        var browser = await client.ConnectPlaywrightAsync(profileId, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (browser.ConfigureAwait(false))
        {
            var profile = browser.GetIxBrowserProfile()!;
            Console.WriteLine($"   opened:   {profile} and connected Playwright in {clock.ElapsedMilliseconds} ms");
            var tab = await browser.Contexts[0].NewPageAsync().ConfigureAwait(false);
            await tab.GotoAsync(page.Address.ToString()).ConfigureAwait(false);
            var heading = await tab.InnerTextAsync("#greeting").ConfigureAwait(false);
            Console.WriteLine($"   page:     \"{heading}\" read from {page.Address} in Chromium {browser.Version}");
        }

        Console.WriteLine($"   closed:   profile {profileId} (disposing the browser closed it)");
    }
}
