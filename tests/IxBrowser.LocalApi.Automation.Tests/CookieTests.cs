using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Playwright;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Automation.Tests;

/// <summary>Pages 21 and 22 with the simulator's real browser: cookies survive a close with backup, and carry over to another profile through Playwright.</summary>
public class CookieTests
{
    [Fact]
    public async Task Cookies_set_in_the_browser_are_stored_at_close_and_loaded_at_the_next_open()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();
        using var page = TestWebPage.Start("Cookies", "<h1 id=\"greeting\">cookie page</h1>");
        var client = simulator.Client;
        const long Profile = IxBrowserSimulator.DocsProfileId;

        await using (var browser = await client.ConnectPlaywrightAsync(Profile))
        {
            var tab = await browser.Contexts[0].NewPageAsync();
            await tab.GotoAsync(page.Address.ToString());
            await tab.EvaluateAsync("document.cookie = 'session-id=s3cr3t-value; max-age=3600; path=/'");
        }

        var stored = await client.GetProfileCookiesAsync(new GetProfileCookiesRequest { ProfileId = Profile });
        var cookie = Assert.Single(stored.Data, c => c.Name == "session-id");
        Assert.Equal("s3cr3t-value", cookie.Value);
        Assert.Equal("127.0.0.1", cookie.Domain);
        Assert.DoesNotContain("s3cr3t-value", stored.ToString(), System.StringComparison.Ordinal);

        await using (var again = await client.ConnectPlaywrightAsync(Profile))
        {
            var cookies = await again.Contexts[0].CookiesAsync();
            Assert.Contains(cookies, c => c.Name == "session-id" && c.Value == "s3cr3t-value");
        }
    }

    [Fact]
    public async Task Cookies_exported_from_Playwright_go_to_another_profile_and_a_close_without_backup_keeps_the_stored_ones()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();
        simulator.AddProfile(7);
        var client = simulator.Client;

        // Within Chromium's 400-day cap on cookie lifetimes.
        var expires = System.DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds();
        JsonTextList<IxBrowserCookie> exported;
        await using (var browser = await client.ConnectPlaywrightAsync(IxBrowserSimulator.DocsProfileId))
        {
            await browser.Contexts[0].AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "carried", Value = "v1", Domain = "example.com", Path = "/", Expires = expires }]);
            exported = (await browser.Contexts[0].CookiesAsync()).ToIxBrowserCookies();
        }

        var updated = await client.UpdateProfileCookiesAsync(new UpdateProfileCookiesRequest { ProfileId = 7, Cookie = exported });
        Assert.Equal("success", updated.Data);
        Assert.Contains("\"cookie\":\"[{", simulator.ReceivedRequests[^1].RawBody, System.StringComparison.Ordinal);

        var noBackup = new IxBrowserOpenOptions { ConfigureRequest = r => r.CookiesBackup = false };
        await using (var browser = await client.ConnectPlaywrightAsync(7, noBackup))
        {
            var cookies = await browser.Contexts[0].CookiesAsync();
            Assert.Contains(cookies, c => c.Name == "carried" && c.Value == "v1" && c.Domain == "example.com");
            await browser.Contexts[0].ClearCookiesAsync();
        }

        var stored = await client.GetProfileCookiesAsync(new GetProfileCookiesRequest { ProfileId = 7 });
        Assert.Contains(stored.Data, c => c.Name == "carried");
        // Playwright keeps expiry as a float, which holds Unix seconds only to within 128 s.
        Assert.InRange(long.Parse(stored.Data.Single(c => c.Name == "carried").ExpirationTime!, System.Globalization.CultureInfo.InvariantCulture), expires - 128, expires + 128);
        var back = Assert.Single(stored.Data.ToPlaywrightCookies());
        Assert.Equal(("carried", "v1", "example.com"), (back.Name, back.Value, back.Domain));
        Assert.InRange(back.Expires!.Value, expires - 128, expires + 128);
    }

    [Fact]
    public async Task Text_that_is_not_a_cookie_list_is_2006()
    {
        using var simulator = IxBrowserSimulator.Start();
        using var http = new System.Net.Http.HttpClient { BaseAddress = simulator.BaseAddress };

        var answer = await http.PostAsync("api/v2/profile-update-cookies", new System.Net.Http.StringContent("""{"profile_id":161,"cookie":"[{\"name\":\"a\",}"}"""));

        Assert.Contains("\"code\":2006", await answer.Content.ReadAsStringAsync(), System.StringComparison.Ordinal);
    }
}
