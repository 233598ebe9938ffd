using System.IO;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace IxBrowser.LocalApi.Automation.Tests;

/// <summary>Selenium, as users attach it: the ChromeDriver the app names, and the profile's debugger address.</summary>
public class SeleniumSampleTests
{
    [Fact]
    public async Task Selenium_drives_the_opened_profile_through_its_webdriver_and_debugger_address()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();
        using var page = TestWebPage.Start("Selenium page", "<h1 id=\"greeting\">Driven by Selenium</h1>");
        var client = simulator.Client;
        var profileId = IxBrowserSimulator.DocsProfileId;

        // docs/profiles-and-automation.md: Selenium
        await using var profile = await client.OpenBrowserAsync(profileId);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(profile.WebDriverPath)!, Path.GetFileName(profile.WebDriverPath));
        var options = new ChromeOptions { DebuggerAddress = profile.DebuggerAddress };
        using (var driver = new ChromeDriver(service, options))
        {
            driver.Navigate().GoToUrl(page.Address);
            var heading = driver.FindElement(By.Id("greeting")).Text;
            // end of sample

            Assert.Equal("Driven by Selenium", heading);
            Assert.Equal("Selenium page", driver.Title);
        }

        await profile.CloseAsync();
        Assert.Equal(0, simulator.RunningBrowserCount);
        Assert.False(string.IsNullOrEmpty(profile.WebDriverPath), "the simulator reports chromedriver as the webdriver; install chromium-driver");
    }

    [Fact]
    public async Task Cookies_go_from_a_Selenium_session_to_another_profile_and_back_into_Selenium()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();
        using var page = TestWebPage.Start("Cookies", "<p>cookies</p>");
        simulator.AddProfile(7);
        var client = simulator.Client;
        var expires = System.DateTime.UtcNow.AddDays(30);

        JsonTextList<IxBrowserCookie> exported;
        await using (var profile = await client.OpenBrowserAsync(IxBrowserSimulator.DocsProfileId, new IxBrowserOpenOptions { ConfigureRequest = r => r.CookiesBackup = false }))
        using (var driver = Attach(profile))
        {
            driver.Navigate().GoToUrl(page.Address);
            driver.Manage().Cookies.AddCookie(new Cookie("carried", "s1", page.Address.Host, "/", expires));
            exported = driver.Manage().Cookies.AllCookies.ToIxBrowserCookies();
        }

        await client.UpdateProfileCookiesAsync(new UpdateProfileCookiesRequest { ProfileId = 7, Cookie = exported });
        var stored = await client.GetProfileCookiesAsync(new GetProfileCookiesRequest { ProfileId = 7 });

        // The simulator loads stored cookies at open; here they are added through Selenium instead, as a user without ixBrowser's own load would.
        await using (var profile = await client.OpenBrowserAsync(IxBrowserSimulator.DocsProfileId, new IxBrowserOpenOptions { ConfigureRequest = r => r.CookiesBackup = false }))
        using (var driver = Attach(profile))
        {
            driver.Navigate().GoToUrl(page.Address);
            driver.Manage().Cookies.DeleteAllCookies();
            foreach (var cookie in stored.Data.ToSeleniumCookies())
            {
                driver.Manage().Cookies.AddCookie(cookie);
            }

            var back = driver.Manage().Cookies.GetCookieNamed("carried");
            Assert.Equal("s1", back!.Value);
            Assert.InRange(back.Expiry!.Value, expires.AddSeconds(-2), expires.AddSeconds(2));
        }

        var item = Assert.Single(stored.Data, c => c.Name == "carried");
        Assert.Equal(("s1", page.Address.Host), (item.Value, item.Domain?.TrimStart('.')));
    }

    private static ChromeDriver Attach(IxBrowserOpenedProfile profile) =>
        new(ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(profile.WebDriverPath)!, Path.GetFileName(profile.WebDriverPath)), new ChromeOptions { DebuggerAddress = profile.DebuggerAddress });
}
