using System;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Workflow;

/// <summary>The pages' rules for the workflow's requests, checked before anything is sent.</summary>
public class WorkflowValidationTests
{
    public static TheoryData<Func<IxBrowserClient, Task>, string, string> BadRequests => new()
    {
        { c => c.UpdateProfileProxyForCustomProxyAsync(new() { ProfileId = 161, ProxyInfo = new CustomProxyInfo { ProxyType = ProxyType.Socks5, ProxyPort = "1080" } }), "request.ProxyInfo.ProxyIp", "is required when ProxyType is Socks5" },
        { c => c.UpdateProfileProxyForCustomProxyAsync(new() { ProfileId = 161, ProxyInfo = new CustomProxyInfo { ProxyType = ProxyType.Http, ProxyIp = "192.0.2.1" } }), "request.ProxyInfo.ProxyPort", "is required when ProxyType is Http" },
        { c => c.UpdateProfileProxyForCustomProxyAsync(new() { ProfileId = 161, ProxyInfo = new CustomProxyInfo { ProxyType = ProxyType.Http, ProxyIp = "192.0.2.1", ProxyPort = "70000" } }), "request.ProxyInfo.ProxyPort", "1 to 65535" },
        { c => c.UpdateProfileProxyForCustomProxyAsync(new() { ProfileId = 161, ProxyInfo = new CustomProxyInfo() }), "request.ProxyInfo.ProxyType", "ProxyType" },
        { c => c.CreateProxyAsync(new() { ProxyType = ProxyType.Direct, ProxyIp = "192.0.2.1", ProxyPort = "80", ProxyUser = string.Empty }), "request.ProxyType", "cannot be Direct" },
        { c => c.CreateProxyAsync(new() { ProxyType = ProxyType.Http, ProxyIp = "192.0.2.1", ProxyPort = "80" }), "request.ProxyUser", "is required" },
        { c => c.CreateProxyAsync(new() { ProxyType = ProxyType.Http, ProxyIp = " ", ProxyPort = "80", ProxyUser = string.Empty }), "request.ProxyIp", "not blank" },
        { c => c.UpdateProfileProxyForTrafficPackageAsync(new() { ProfileId = 161, ProxyInfo = new TrafficPackageProxyInfo { ProxyId = 6, Gateway = " " } }), "request.ProxyInfo.Gateway", "gateway" },
        { c => c.UpdateProfileProxyForPurchasedProxyAsync(new() { ProfileId = 161, ProxyInfo = new PurchasedProxyInfo { ProxyId = 0 } }), "request.ProxyInfo.ProxyId", "at least 1" },
        { c => c.CreateProxyTagAsync(new() { Title = "" }), "request.Title", "not blank" },
        { c => c.UpdateProxyTagAsync(new() { Title = "x" }), "request.Id", "must be at least 1, not 0" },
        { c => c.DeleteProxyTagAsync(new()), "request.Id", "must be at least 1, not 0" },
        { c => c.GetProxyListAsync(new() { Page = 0 }), "request.Page", "at least 1" },
        { c => c.GetProfileListAsync(new() { GroupId = -1 }), "request.GroupId", "at least 0" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_request_that_breaks_its_pages_rules_names_the_field_and_sends_nothing(Func<IxBrowserClient, Task> call, string paramName, string expected)
    {
        using var simulator = IxBrowserSimulator.Start();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(simulator.Client));

        Assert.Equal(paramName, error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(simulator.ReceivedRequests);
    }

    [Fact]
    public async Task A_direct_custom_proxy_needs_no_address_and_the_mode_constant_is_sent()
    {
        using var simulator = IxBrowserSimulator.Start();

        await simulator.Client.UpdateProfileProxyForCustomProxyAsync(new() { ProfileId = 161, ProxyInfo = new CustomProxyInfo { ProxyType = ProxyType.Direct } });

        Assert.Equal("""{"profile_id":161,"proxy_info":{"proxy_mode":2,"proxy_type":"direct"}}""", simulator.ReceivedRequests[0].RawBody);
    }
}
