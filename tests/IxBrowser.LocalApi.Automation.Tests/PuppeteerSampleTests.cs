using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using PuppeteerSharp;

namespace IxBrowser.LocalApi.Automation.Tests;

/// <summary>PuppeteerSharp, as the vendor's own example (page 55) attaches: ConnectAsync on the ws address.</summary>
public class PuppeteerSampleTests
{
    [Fact]
    public async Task Puppeteer_connects_to_the_ws_address_and_drives_the_profile()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();
        using var page = TestWebPage.Start("Puppeteer page", "<h1 id=\"greeting\">Driven by Puppeteer</h1>");
        var client = simulator.Client;
        var profileId = IxBrowserSimulator.DocsProfileId;

        // docs/profiles-and-automation.md: PuppeteerSharp
        await using var profile = await client.OpenBrowserAsync(profileId);
        var browser = await Puppeteer.ConnectAsync(new ConnectOptions { BrowserWSEndpoint = profile.WebSocketAddress.ToString() });
        var tab = await browser.NewPageAsync();
        await tab.GoToAsync(page.Address.ToString());
        var heading = await tab.EvaluateExpressionAsync<string>("document.getElementById('greeting').textContent");
        browser.Disconnect();
        // end of sample

        Assert.Equal("Driven by Puppeteer", heading);
        await profile.CloseAsync();
        Assert.Equal(0, simulator.RunningBrowserCount);
    }
}
