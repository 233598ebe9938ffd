using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Workflow;

/// <summary>The proxy workflow end to end, through the client against the stateful simulator.</summary>
public class ProxyWorkflowTests
{
    [Fact]
    public async Task A_profile_switched_to_a_listed_custom_proxy_follows_its_port_rotation_and_keeps_it_from_deletion()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;

        var created = await client.CreateProxyAsync(new CreateProxyRequest { ProxyType = ProxyType.Socks5, ProxyIp = "198.51.100.7", ProxyPort = "1080", ProxyUser = "alice", ProxyPassword = "s3cret" });
        await client.UpdateProfileProxyForCustomProxyAsync(new UpdateProfileProxyForCustomProxyRequest
        {
            ProfileId = IxBrowserSimulator.DocsProfileId,
            ProxyInfo = new CustomProxyInfo { ProxyType = ProxyType.Socks5, ProxyIp = "198.51.100.7", ProxyPort = "1080", ProxyUser = "alice", ProxyPassword = "s3cret" },
        });
        await client.UpdateProxyAsync(new UpdateProxyRequest { Id = created.Data, ProxyPort = "1081" });
        var profile = (await client.GetProfileListAsync(new GetProfileListRequest { ProfileId = IxBrowserSimulator.DocsProfileId })).Data.Items.Single();
        var inUse = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.DeleteProxyAsync(new DeleteProxyRequest { Id = created.Data }));
        var unused = await client.DeleteProxyAsync(new DeleteProxyRequest { Id = IxBrowserSimulator.DocsProxyId });

        Assert.Equal((ProxyMode.Custom, created.Data, "198.51.100.7", "1081"), (profile.ProxyMode, profile.ProxyId, profile.ProxyIp, profile.ProxyPort));
        Assert.Equal(IxBrowserErrorCodes.ProxyDeleteProxyInUse, inUse.Code);
        Assert.Equal(1, unused.Data);
        Assert.Null(simulator.GetProxy(IxBrowserSimulator.DocsProxyId));
    }

    [Fact]
    public async Task Each_proxy_mode_switch_shows_in_the_profile_list()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;
        async Task<ProfileListItem> Profile() => (await client.GetProfileListAsync(new GetProfileListRequest { ProfileId = 1575 })).Data.Items.Single();

        await client.UpdateProfileProxyForTrafficPackageAsync(new UpdateProfileProxyForTrafficPackageRequest { ProfileId = 1575, ProxyInfo = new TrafficPackageProxyInfo { ProxyId = 6, Country = "us", City = "Ada", Gateway = "Default" } });
        var package = await Profile();
        var location = simulator.GetProfile(1575)!.TrafficPackage;
        await client.UpdateProfileProxyForPurchasedProxyAsync(new UpdateProfileProxyForPurchasedProxyRequest { ProfileId = 1575, ProxyInfo = new PurchasedProxyInfo { ProxyId = 1 } });
        var purchased = await Profile();
        await client.UpdateProfileProxyForCustomProxyAsync(new UpdateProfileProxyForCustomProxyRequest { ProfileId = 1575, ProxyInfo = new CustomProxyInfo { ProxyType = ProxyType.Direct } });
        var direct = await Profile();

        Assert.Equal((ProxyMode.TrafficPackage, 6L), (package.ProxyMode, package.ProxyId));
        Assert.Equal((ProxyMode.PurchasedProxy, 1L, "203.0.113.10"), (purchased.ProxyMode, purchased.ProxyId, purchased.ProxyIp));
        Assert.Equal((ProxyMode.Custom, (long?)null, "direct"), (direct.ProxyMode, direct.ProxyId, direct.ProxyType));
        Assert.Equal(new SimulatedTrafficPackageSettings("us", "Ada", "Default"), location);
    }

    [Theory]
    [InlineData(1, 999, IxBrowserErrorCodes.ResidentialProxyNotFound)]
    [InlineData(3, 24330, IxBrowserErrorCodes.ProxyNotFound)]
    public async Task A_profile_switch_to_an_unknown_target_answers_its_documented_code(int mode, long proxyId, int code)
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => mode == 1
            ? client.UpdateProfileProxyForTrafficPackageAsync(new UpdateProfileProxyForTrafficPackageRequest { ProfileId = 161, ProxyInfo = new TrafficPackageProxyInfo { ProxyId = proxyId, Gateway = "Default" } })
            : client.UpdateProfileProxyForPurchasedProxyAsync(new UpdateProfileProxyForPurchasedProxyRequest { ProfileId = 161, ProxyInfo = new PurchasedProxyInfo { ProxyId = proxyId } }));

        Assert.Equal(code, error.Code);
        Assert.Equal(2, simulator.GetProfile(161)!.ProxyMode);
    }

    [Fact]
    public async Task A_switch_for_an_unknown_profile_answers_2007_and_another_modes_constant_answers_2010()
    {
        using var simulator = IxBrowserSimulator.Start();
        using var http = new HttpClient();

        var unknown = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.UpdateProfileProxyForPurchasedProxyAsync(new UpdateProfileProxyForPurchasedProxyRequest { ProfileId = 424242, ProxyInfo = new PurchasedProxyInfo { ProxyId = 1 } }));
        var wrongMode = await Post(http, simulator, IxBrowserClient.UpdateProfileProxyForPurchasedProxyPath, """{"profile_id":161,"proxy_info":{"proxy_mode":2,"proxy_id":1}}""");

        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, unknown.Code);
        Assert.Equal(IxBrowserErrorCodes.ProxyMethodOutOfRange, (int)wrongMode["error"]!["code"]!);
    }

    [Fact]
    public async Task The_purchased_proxy_switch_is_also_answered_at_the_python_clients_path()
    {
        using var simulator = IxBrowserSimulator.Start();
        using var http = new HttpClient();

        var answer = await Post(http, simulator, "/api/v2/profile-update-proxy-for-purchased-proxy", """{"profile_id":161,"proxy_info":{"proxy_mode":3,"proxy_id":1}}""");

        Assert.Equal(0, (int)answer["error"]!["code"]!);
        Assert.Equal((3, 1L), (simulator.GetProfile(161)!.ProxyMode, simulator.GetProfile(161)!.ProxyId!.Value));
        Assert.Equal("/api/v2/profile-update-proxy-to-purchased-mode", IxBrowserClient.UpdateProfileProxyForPurchasedProxyPath);
    }

    [Fact]
    public async Task Creating_a_proxy_assigns_fresh_ids_refuses_a_duplicate_and_makes_its_tags_proxy_tags()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;
        var request = new CreateProxyRequest { ProxyType = ProxyType.Http, ProxyIp = "192.0.2.1", ProxyPort = "3128", ProxyUser = string.Empty, Tags = new ProxyTagList(new[] { "rotation", "eu" }) };

        var first = await client.CreateProxyAsync(request);
        var duplicate = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.CreateProxyAsync(request));
        var second = await client.CreateProxyAsync(new CreateProxyRequest { ProxyType = ProxyType.Http, ProxyIp = "192.0.2.2", ProxyPort = "3128", ProxyUser = string.Empty });
        var rotationTag = simulator.ProxyTags.Single(t => t.Title == "rotation");
        var tagged = (await client.GetProxyListAsync(new GetProxyListRequest { TagId = rotationTag.Id })).Data;

        Assert.True(first.Data > IxBrowserSimulator.DocsProxyId);
        Assert.Equal(first.Data + 1, second.Data);
        Assert.Equal(IxBrowserErrorCodes.ProxyCreateAlreadyExists, duplicate.Code);
        Assert.Equal(first.Data, Assert.Single(tagged.Items).Id);
        Assert.Equal(new[] { rotationTag.Id, simulator.ProxyTags.Single(t => t.Title == "eu").Id }, tagged.Items[0].TagIds);
        Assert.Equal("rotation eu", tagged.Items[0].TagName);
    }

    [Fact]
    public async Task The_proxy_list_filters_by_kind_and_ip_and_pages()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;

        var purchased = (await client.GetProxyListAsync(new GetProxyListRequest { Kind = ProxyKind.Purchased })).Data;
        var byIp = (await client.GetProxyListAsync(new GetProxyListRequest { ProxyIp = "127.0.0.1" })).Data;
        var firstPage = (await client.GetProxyListAsync(new GetProxyListRequest { Limit = 2 })).Data;
        var lastPage = (await client.GetProxyListAsync(new GetProxyListRequest { Limit = 2, Page = 2 })).Data;

        Assert.Equal(1L, Assert.Single(purchased.Items).Id);
        Assert.Equal(24320L, Assert.Single(byIp.Items).Id);
        Assert.Equal((3L, 2, 1), (firstPage.Total, firstPage.Items.Count, lastPage.Items.Count));
        Assert.Equal(new[] { 117L, 118L }, byIp.Items[0].TagIds);
        Assert.Equal(ProxyKind.Custom, byIp.Items[0].Kind);
    }

    [Fact]
    public async Task Proxy_tags_are_created_renamed_on_the_proxies_that_carry_them_and_deleted_only_when_unused()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;

        var created = await client.CreateProxyTagAsync(new CreateProxyTagRequest { Title = "fresh" });
        var taken = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.CreateProxyTagAsync(new CreateProxyTagRequest { Title = "fresh" }));
        var renamed = await client.UpdateProxyTagAsync(new UpdateProxyTagRequest { Id = 117, Title = "renamed" });
        var carrier = (await client.GetProxyListAsync(new GetProxyListRequest { TagId = 117 })).Data.Items.Single();
        var inUse = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.DeleteProxyTagAsync(new DeleteProxyTagRequest { Id = 117 }));
        var deleted = await client.DeleteProxyTagAsync(new DeleteProxyTagRequest { Id = created.Data });
        var gone = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.DeleteProxyTagAsync(new DeleteProxyTagRequest { Id = created.Data }));
        var titles = (await client.GetProxyTagListAsync(new GetProxyTagListRequest { Limit = 100 })).Data.Items.Select(t => t.Title).ToList();

        Assert.Equal(IxBrowserErrorCodes.ProxyTagCreateTagNameAlreadyExists, taken.Code);
        Assert.Equal((0, 0), (renamed.Data, deleted.Data));
        Assert.Equal("renamed tag2", carrier.TagName);
        Assert.Equal(IxBrowserErrorCodes.ProxyTagInUse, inUse.Code);
        Assert.Equal(IxBrowserErrorCodes.ProxyTagDeleteTagNotFound, gone.Code);
        Assert.Contains("renamed", titles);
        Assert.DoesNotContain("fresh", titles);
    }

    [Fact]
    public async Task Groups_tags_and_traffic_packages_list_the_docs_examples()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;

        var groups = (await client.GetGroupListAsync(new GetGroupListRequest { Title = "Face" })).Data;
        var tags = (await client.GetTagListAsync(new GetTagListRequest())).Data;
        var package = (await client.GetTrafficPackageListAsync(new GetTrafficPackageListRequest())).Data.Items.Single();
        var inGroup = (await client.GetProfileListAsync(new GetProfileListRequest { GroupId = 169 })).Data;
        var withTag = (await client.GetProfileListAsync(new GetProfileListRequest { TagId = 14152 })).Data;

        Assert.Equal((1L, 169L, "Facebook1"), (groups.Total, groups.Items[0].Id, groups.Items[0].Title));
        Assert.Equal(2, tags.Total);
        Assert.Equal((6L, 1024.00m, 11.65m), (package.Id!.Value, package.LimitFlow!.Value, package.UsedFlow!.Value));
        Assert.Equal(1575L, Assert.Single(inGroup.Items).ProfileId);
        Assert.Equal(new[] { 14152L }, Assert.Single(withTag.Items).TagIds);
    }

    private static async Task<JObject> Post(HttpClient http, IxBrowserSimulator simulator, string path, string body)
    {
        using var answer = await http.PostAsync(new System.Uri(simulator.BaseAddress, path.TrimStart('/')), new StringContent(body, Encoding.UTF8, "application/json"));
        return JObject.Parse(await answer.Content.ReadAsStringAsync());
    }
}
