using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Playwright;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Automation.Tests;

/// <summary>
/// The whole life of a profile, as docs/profiles-and-automation.md shows it: created from a template,
/// given a proxy, opened and driven with Playwright, its cookies exported, closed, deleted, and the
/// recycle bin emptied. Runs in CI with the other tests of this project, against a real Chromium.
/// </summary>
public class WorkflowSampleTests
{
    [Fact]
    public async Task A_profile_is_created_from_a_template_driven_exported_closed_deleted_and_purged()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();
        using var page = TestWebPage.Start("Workflow", "<h1 id=\"greeting\">signed in</h1>");
        var client = simulator.Client;

        // docs/profiles-and-automation.md: Workflow
        var template = await client.CreateProfileAsync(new CreateProfileRequest
        {
            Name = "template",
            FingerprintConfig = new FingerprintConfig { TimezoneType = ExitIpOrCustom.Custom, Timezone = "Europe/Berlin", Webrtc = WebRtcMode.Disabled },
            PreferenceConfig = new PreferenceConfig { CookiesBackup = Toggle.On },
        });
        var profileId = (await client.CopyProfileAsync(new CopyProfileRequest { ProfileId = template.Data, Name = "shop-42" })).Data;
        await client.UpdateProfileProxyForCustomProxyAsync(new UpdateProfileProxyForCustomProxyRequest
        {
            ProfileId = profileId,
            ProxyInfo = new CustomProxyInfo { ProxyType = ProxyType.Http, ProxyIp = "127.0.0.1", ProxyPort = "3128" },
        });

        JsonTextList<IxBrowserCookie> exported;
        await using (var browser = await client.ConnectPlaywrightAsync(profileId))
        {
            var tab = await browser.Contexts[0].NewPageAsync();
            await tab.GotoAsync(page.Address.ToString());
            await tab.EvaluateAsync("() => document.cookie = 'session=abc123; max-age=3600'");
            exported = (await browser.Contexts[0].CookiesAsync()).ToIxBrowserCookies();
        }   // closes the profile; its cookies are backed up

        await client.DeleteProfileAsync(new DeleteProfileRequest { ProfileId = profileId });
        var purged = await client.EmptyRecycleBinAsync(new EmptyRecycleBinRequest());
        // end of sample

        Assert.Contains(exported, c => c.Name == "session" && c.Value == "abc123");
        Assert.Equal(1, purged.Data);
        Assert.Null(simulator.GetProfile(profileId));
        Assert.NotNull(simulator.GetProfile(template.Data));
        Assert.Equal(0, simulator.RunningBrowserCount);
        var open = simulator.ReceivedRequests.Single(r => r.Path == IxBrowserClient.OpenProfilePath);
        Assert.Contains($"\"profile_id\":{profileId}", open.RawBody, System.StringComparison.Ordinal);
        Assert.Single(simulator.ReceivedRequests, r => r.Path == IxBrowserClient.CloseProfilePath);
    }

    [Fact]
    public async Task Cookies_are_backed_up_at_close_unless_the_profiles_preference_turns_backup_off()
    {
        using var simulator = IxBrowserSimulator.StartWithBrowser();
        using var page = TestWebPage.Start("Backup", "<p>cookies</p>");
        var client = simulator.Client;
        var kept = (await client.CreateProfileAsync(new CreateProfileRequest { Name = "backed up" })).Data;
        var notKept = (await client.CreateProfileAsync(new CreateProfileRequest { Name = "not backed up", PreferenceConfig = new PreferenceConfig { CookiesBackup = Toggle.Off } })).Data;

        foreach (var id in new[] { kept, notKept })
        {
            await using var browser = await client.ConnectPlaywrightAsync(id);
            var tab = await browser.Contexts[0].NewPageAsync();
            await tab.GotoAsync(page.Address.ToString());
            await tab.EvaluateAsync("() => document.cookie = 'visit=1; max-age=3600'");
        }

        var keptCookies = await client.GetProfileCookiesAsync(new GetProfileCookiesRequest { ProfileId = kept });
        var notKeptCookies = await client.GetProfileCookiesAsync(new GetProfileCookiesRequest { ProfileId = notKept });

        Assert.Contains(keptCookies.Data, c => c.Name == "visit" && c.Value == "1");
        Assert.Empty(notKeptCookies.Data);
    }
}
