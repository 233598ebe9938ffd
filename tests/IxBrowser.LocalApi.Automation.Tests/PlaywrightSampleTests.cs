using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Playwright;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Automation.Tests;

/// <summary>The companion package: a profile id to a connected Playwright IBrowser, whose disposal closes the profile.</summary>
public class PlaywrightSampleTests
{
    [Fact]
    public async Task A_profile_id_becomes_a_driven_Playwright_browser_and_disposal_closes_the_profile()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();
        using var page = TestWebPage.Start("Hello from ixBrowser", "<h1 id=\"greeting\">It works</h1>");
        var client = simulator.Client;
        var profileId = IxBrowserSimulator.DocsProfileId;

        // docs/profiles-and-automation.md: Playwright
        await using (var browser = await client.ConnectPlaywrightAsync(profileId))
        {
            var tab = await browser.Contexts[0].NewPageAsync();
            await tab.GotoAsync(page.Address.ToString());
            var heading = await tab.InnerTextAsync("#greeting");
            // end of sample

            Assert.Equal("It works", heading);
            Assert.Equal("Hello from ixBrowser", await tab.TitleAsync());
            Assert.Equal(profileId, browser.GetIxBrowserProfile()!.ProfileId);
            Assert.True(browser.IsConnected);
            Assert.Equal(1, simulator.RunningBrowserCount);
        }

        Assert.Equal(0, simulator.RunningBrowserCount);
        Assert.Single(simulator.ReceivedRequests, r => r.Path == IxBrowserClient.CloseProfilePath);
    }

    [Fact]
    public async Task Closing_the_browser_twice_closes_the_profile_once()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();
        var browser = await simulator.Client.ConnectPlaywrightAsync(IxBrowserSimulator.DocsProfileId);

        await Task.WhenAll(browser.CloseAsync(), browser.CloseAsync());
        await browser.DisposeAsync();

        Assert.Equal(0, simulator.RunningBrowserCount);
        Assert.Single(simulator.ReceivedRequests, r => r.Path == IxBrowserClient.CloseProfilePath);
        Assert.Null(browser.GetIxBrowserProfile()!.CloseError);
    }

    [Fact]
    public async Task A_profile_that_cannot_open_throws_the_apps_code_and_starts_nothing()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.ConnectPlaywrightAsync(424242));

        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, error.Code);
        Assert.Equal(0, simulator.RunningBrowserCount);
        Assert.DoesNotContain(simulator.ReceivedRequests, r => r.Path == IxBrowserClient.CloseProfilePath);
    }

    [Fact]
    public async Task Many_profiles_run_with_a_cap_and_all_are_closed()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();
        using var page = TestWebPage.Start("Run", "<h1 id=\"greeting\">profile page</h1>");
        long[] ids = [101, 102, 103, 104];
        foreach (var id in ids)
        {
            simulator.AddProfile(id);
        }

        var peak = 0;
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var results = await simulator.Client.RunProfilesAsync(ids, async (profile, cancellationToken) =>
        {
            peak = System.Math.Max(peak, simulator.RunningBrowserCount);
            await using var browser = await playwright.Chromium.ConnectOverCDPAsync(profile.WebSocketAddress.ToString());
            var tab = await browser.Contexts[0].NewPageAsync();
            await tab.GotoAsync(page.Address.ToString());
            return await tab.TitleAsync();
        }, new IxBrowserProfileRunOptions { MaxOpenBrowsers = 2 });

        Assert.All(results, r => Assert.Equal(IxBrowserProfileRunStatus.Succeeded, r.Status));
        Assert.Equal(ids, results.Select(r => r.ProfileId));
        Assert.All(results, r => Assert.Equal("Run", r.Value));
        Assert.InRange(peak, 1, 2);
        Assert.Equal(0, simulator.RunningBrowserCount);
    }
}
