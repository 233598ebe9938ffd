using System;
using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>Pages 02, 03, 14 and 19: a profile created, copied, updated and given a new fingerprint, with the app's codes and the typed profile model.</summary>
public class ProfileSettingsTests
{
    [Fact]
    public async Task A_profile_is_created_with_typed_settings_that_go_on_the_wire_as_the_app_spells_them()
    {
        using var simulator = IxBrowserSimulator.Start();
        var request = new CreateProfileRequest
        {
            Name = "shop-1",
            Note = "from the test",
            Tags = new[] { "new-tag" },
            Password = "pa55-word",
            FingerprintConfig = new FingerprintConfig
            {
                UaType = DeviceType.Desktop,
                Platform = "Windows",
                LanguageType = ExitIpOrCustom.Custom,
                Language = "cn",
                TimezoneType = ExitIpOrCustom.Custom,
                Timezone = "Asia/Shanghai",
                LocationType = GeolocationSource.Custom,
                Webrtc = WebRtcMode.Disabled,
                CanvasType = Toggle.Off,
            },
            PreferenceConfig = new PreferenceConfig { CookiesBackup = Toggle.Off, ExtraTabSource = StartTabs.StartUrls },
        };

        var created = await simulator.Client.CreateProfileAsync(request);
        var taken = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.CreateProfileAsync(new CreateProfileRequest { Name = "shop-1" }));

        var sent = JObject.Parse(simulator.ReceivedRequests.First(r => r.Path == IxBrowserClient.CreateProfilePath).RawBody);
        // "Custom" is "2" for the language but "0" for the position: the enums hide the app's opposite digits.
        Assert.Equal("2", (string?)sent["fingerprint_config"]!["language_type"]);
        Assert.Equal("0", (string?)sent["fingerprint_config"]!["location_type"]);
        Assert.Equal("3", (string?)sent["fingerprint_config"]!["webrtc"]);
        Assert.Equal(1, (int)sent["fingerprint_config"]!["ua_type"]!);
        Assert.Equal("0", (string?)sent["preference_config"]!["cookies_backup"]);
        Assert.Equal("new-tag", (string?)sent["tag"]);
        var profile = simulator.GetProfile(created.Data)!;
        Assert.Equal(("shop-1", "from the test", false), (profile.Name, profile.Note, profile.CookiesBackup));
        var tags = await simulator.Client.GetTagListAsync(new GetTagListRequest());
        Assert.Equal("new-tag", tags.Data.Items.Single(t => t.Id == Assert.Single(profile.TagIds)).Title);
        Assert.Equal(IxBrowserErrorCodes.ProfileCreateProfileNameAlreadyExists, taken.Code);
        Assert.DoesNotContain("pa55-word", request.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"note":"no name"}""")]
    [InlineData("""{"name":"   "}""")]
    public async Task The_simulator_answers_the_apps_code_for_a_profile_without_a_name(string body)
    {
        // The client refuses these before sending; another tool may not.
        using var simulator = IxBrowserSimulator.Start();
        using var http = new System.Net.Http.HttpClient { BaseAddress = simulator.BaseAddress };

        using var answer = await http.PostAsync(IxBrowserClient.CreateProfilePath.TrimStart('/'), new System.Net.Http.StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var envelope = JObject.Parse(await answer.Content.ReadAsStringAsync());

        Assert.Equal(IxBrowserErrorCodes.ProfileCreateProfileNameEmpty, (int)envelope["error"]!["code"]!);
        Assert.DoesNotContain(simulator.ExportState().Profiles, p => p.Name.Trim().Length == 0);
    }

    [Fact]
    public async Task A_copy_gets_a_new_id_and_its_originals_group_and_cookies_and_an_unknown_group_is_refused()
    {
        using var simulator = IxBrowserSimulator.Start();
        var group = await simulator.Client.CreateGroupAsync(new CreateGroupRequest { Title = "Shops", Sort = 0 });
        var original = await simulator.Client.CreateProfileAsync(new CreateProfileRequest
        {
            Name = "template",
            GroupId = group.Data,
            Cookie = """[{"domain":".example.com","name":"sid","value":"v1","path":"/"}]""",
        });

        var copy = await simulator.Client.CopyProfileAsync(new CopyProfileRequest { ProfileId = original.Data, Name = "from template" });
        var noGroup = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.CopyProfileAsync(new CopyProfileRequest { ProfileId = original.Data, GroupId = 999 }));
        var cookies = await simulator.Client.GetProfileCookiesAsync(new GetProfileCookiesRequest { ProfileId = copy.Data });

        Assert.NotEqual(original.Data, copy.Data);
        Assert.Equal(("from template", group.Data), (simulator.GetProfile(copy.Data)!.Name, simulator.GetProfile(copy.Data)!.GroupId));
        Assert.Equal("v1", Assert.Single(cookies.Data).Value);
        Assert.Equal(IxBrowserErrorCodes.ProfileCopyGroupNotFound, noGroup.Code);
    }

    [Fact]
    public async Task An_update_changes_only_what_is_set_and_can_move_the_profile_to_a_new_id()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.AddProfile(new SimulatedProfile { Id = 40, Name = "a", Note = "keep me" });
        simulator.AddProfile(new SimulatedProfile { Id = 41, Name = "b" });

        var renamed = await simulator.Client.UpdateProfileAsync(new UpdateProfileRequest { ProfileId = 40, Name = "a2", NewProfileId = 50 });
        var idInUse = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.UpdateProfileAsync(new UpdateProfileRequest { ProfileId = 50, NewProfileId = 41 }));
        var nameTaken = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.UpdateProfileAsync(new UpdateProfileRequest { ProfileId = 50, Name = "b" }));
        var missing = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.UpdateProfileAsync(new UpdateProfileRequest { ProfileId = 40, Name = "x" }));

        Assert.Null(renamed.Data);
        Assert.Null(simulator.GetProfile(40));
        Assert.Equal(("a2", "keep me"), (simulator.GetProfile(50)!.Name, simulator.GetProfile(50)!.Note));
        Assert.Equal(IxBrowserErrorCodes.ProfileUpdateSerialNumberAlreadyExists, idInUse.Code);
        Assert.Equal(IxBrowserErrorCodes.ProfileUpdateProfileNameAlreadyExists, nameTaken.Code);
        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, missing.Code);
        Assert.Equal("""{"profile_id":40,"new_profile_id":50,"name":"a2"}""", simulator.ReceivedRequests.First(r => r.Path == IxBrowserClient.UpdateProfilePath).RawBody);
    }

    [Fact]
    public async Task A_new_random_fingerprint_is_drawn_for_a_profile_that_exists()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.AddProfile(7);

        await simulator.Client.RandomizeProfileFingerprintAsync(new RandomizeProfileFingerprintRequest { ProfileId = 7 });
        await simulator.Client.RandomizeProfileFingerprintAsync(new RandomizeProfileFingerprintRequest { ProfileId = 7 });
        var missing = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.RandomizeProfileFingerprintAsync(new RandomizeProfileFingerprintRequest { ProfileId = 8 }));

        Assert.Equal(2, simulator.GetProfile(7)!.FingerprintDraws);
        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, missing.Code);
        Assert.Contains("profile 8", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_the_spec_cannot_express_and_appendix_values_are_checked_before_sending()
    {
        using var simulator = IxBrowserSimulator.Start();
        var request = new CreateProfileRequest
        {
            Name = "p",
            SiteId = SitePlatform.Other,
            ProxyConfig = new ProfileProxyConfig { ProxyMode = ProxyMode.Custom, ProxyType = ProxyType.Socks5 },
            FingerprintConfig = new FingerprintConfig { Timezone = "Mars/Olympus_Mons", Fonts = ["Tahoma", "No Such Font"] },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => simulator.Client.CreateProfileAsync(request));
        var proxy = await Assert.ThrowsAsync<ArgumentException>(() => simulator.Client.UpdateProfileAsync(new UpdateProfileRequest
        {
            ProfileId = 1,
            SiteId = SitePlatform.Other,
            ProxyConfig = new ProfileProxyConfig { ProxyMode = ProxyMode.Custom, ProxyType = ProxyType.Socks5 },
        }));

        // The appendix checks run first; the cross-field rules only once the fields are well-formed.
        Assert.Contains("FingerprintConfig.Timezone (timezone) must be a time zone of the vendor's appendix (IxBrowserAppendix.TimeZones)", error.Message, StringComparison.Ordinal);
        Assert.Contains("item 1 \"No Such Font\" is not one", error.Message, StringComparison.Ordinal);
        Assert.Contains("SiteUrl (site_url) is required when SiteId is SitePlatform.Other", proxy.Message, StringComparison.Ordinal);
        Assert.Contains("ProxyConfig.ProxyIp (proxy_config.proxy_ip) is required when ProxyType is Socks5", proxy.Message, StringComparison.Ordinal);
        Assert.Contains("ProxyConfig.ProxyPort (proxy_config.proxy_port) is required", proxy.Message, StringComparison.Ordinal);
        Assert.Empty(simulator.ReceivedRequests);
    }

    [Fact]
    public void Every_x_appendix_of_the_spec_names_an_appendix_the_library_has()
    {
        var named = typeof(IxBrowserClient).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties())
            .Select(p => p.GetCustomAttributes(false).FirstOrDefault(a => a.GetType().Name == "AppendixAttribute"))
            .OfType<IxBrowser.LocalApi.Validation.AppendixAttribute>()
            .Select(a => a.Name)
            .Distinct()
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["countries", "fonts", "languages", "time-zones"], named);
        Assert.All(named, name => Assert.NotEmpty(IxBrowserAppendix.Named(name).Values));
    }

    [Fact]
    public void The_appendices_are_data_read_from_the_spec_folder()
    {
        Assert.Equal("GMT+08:00", IxBrowserAppendix.TimeZones["Asia/Shanghai"]);
        Assert.Equal("Chinese (China)", IxBrowserAppendix.Languages["cn"]);
        Assert.True(IxBrowserAppendix.Fonts.ContainsKey("Tahoma"));
        Assert.Equal("United States", IxBrowserAppendix.Countries["us"]);
        Assert.Equal(
            [478, 248, 284, 248, 837],
            new[] { IxBrowserAppendix.TimeZones.Count, IxBrowserAppendix.Languages.Count, IxBrowserAppendix.Fonts.Count, IxBrowserAppendix.Countries.Count, IxBrowserAppendix.WebGl.Count });
        Assert.Contains(IxBrowserAppendix.WebGl, row => row.System == "macos" && row.Renderer == "ANGLE (Apple, Apple M1, OpenGL 4.1)");
    }
}
