using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>Pages 12, 13, 23, 24 and 46-47: clearing a profile's cache and cookies, deleting it, emptying the recycle bin, and the gateways.</summary>
public sealed class ProfileDeleteAndClearTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("ixb-data-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Clearing_the_cache_keeps_the_cookies_and_clearing_both_removes_them()
    {
        using var simulator = IxBrowserSimulator.Start(new IxBrowserSimulatorOptions { BrowserDataDirectory = _data });
        var profile = Path.Combine(_data, "profile-161", "Default");
        Directory.CreateDirectory(Path.Combine(profile, "Cache", "Cache_Data"));
        File.WriteAllText(Path.Combine(profile, "Cache", "Cache_Data", "data_0"), "cached");
        File.WriteAllText(Path.Combine(profile, "Cookies"), "cookie store");

        var cache = await simulator.Client.ClearProfileCacheAsync(new ClearProfileCacheRequest { ProfileId = [161, 999] });
        var cookiesKept = File.Exists(Path.Combine(profile, "Cookies"));
        var both = await simulator.Client.ClearProfileCacheAndCookiesAsync(new ClearProfileCacheAndCookiesRequest { ProfileId = [161] });

        Assert.Equal([161L], cache.Data);
        Assert.True(cookiesKept);
        Assert.Equal([161L], both.Data);
        Assert.False(Directory.Exists(Path.Combine(profile, "Cache")));
        Assert.False(File.Exists(Path.Combine(profile, "Cookies")));
        Assert.Equal("""{"profile_id":[161,999]}""", simulator.ReceivedRequests.First(r => r.Path == IxBrowserClient.ClearProfileCachePath).RawBody);
        var unknown = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.ClearProfileCacheAsync(new ClearProfileCacheRequest { ProfileId = [999] }));
        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, unknown.Code);
    }

    [Fact]
    public async Task A_deleted_profile_waits_in_the_recycle_bin_until_it_is_emptied()
    {
        using var simulator = IxBrowserSimulator.Start(new IxBrowserSimulatorOptions { BrowserDataDirectory = _data });
        var client = simulator.Client;

        var deleted = await client.DeleteProfileAsync(new DeleteProfileRequest { ProfileId = 161 });
        var again = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.DeleteProfileAsync(new DeleteProfileRequest { ProfileId = 161 }));
        var listed = await client.GetProfileListAsync(new GetProfileListRequest());
        var emptied = await client.EmptyRecycleBinAsync(new EmptyRecycleBinRequest());
        var emptiedAgain = await client.EmptyRecycleBinAsync(new EmptyRecycleBinRequest());

        Assert.Null(deleted.Data);
        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, again.Code);
        Assert.Equal([1575L], listed.Data.Items.Select(p => p.ProfileId!.Value));
        Assert.Equal(1, emptied.Data);
        Assert.Equal(0, emptiedAgain.Data);
        Assert.Equal("{}", simulator.ReceivedRequests.First(r => r.Path == IxBrowserClient.EmptyRecycleBinPath).RawBody);
    }

    [Fact]
    public async Task The_gateways_are_listed_with_string_ids_and_switched_by_them()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;

        var gateways = await client.GetGatewayListAsync(new GetGatewayListRequest());
        var switched = await client.SwitchGatewayAsync(new SwitchGatewayRequest { Id = gateways.Data[1].Id! });
        var unknown = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.SwitchGatewayAsync(new SwitchGatewayRequest { Id = "9" }));

        Assert.Equal(["1", "2"], gateways.Data.Select(g => g.Id));
        Assert.Null(switched.Data);
        Assert.Equal("""{"id":"2"}""", simulator.ReceivedRequests.First(r => r.Path == IxBrowserClient.SwitchGatewayPath).RawBody);
        Assert.Equal(IxBrowserErrorCodes.GatewayLineNotFound, unknown.Code);
    }
}
