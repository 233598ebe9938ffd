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
}
