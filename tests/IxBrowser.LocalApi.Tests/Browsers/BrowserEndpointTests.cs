using System;
using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Browsers;

/// <summary>Pages 05-11 on the wire and in the simulator: the two opened lists, arrange, reset, close and close in batches.</summary>
[Collection(RealBrowserTests.Name)]
public class BrowserEndpointTests
{
    [Fact]
    public async Task The_opened_lists_show_what_runs_and_close_in_batches_closes_ids_sent_as_strings()
    {
        using var simulator = BrowserSimulator.Start();
        var client = simulator.Client;
        await client.OpenProfileAsync(new OpenProfileRequest { ProfileId = 161 });
        await client.OpenProfileAsync(new OpenProfileRequest { ProfileId = 1575 });

        var opened = await client.GetOpenedProfileListAsync(new GetOpenedProfileListRequest());
        var native = await client.GetNativeClientOpenedProfileListAsync(new GetNativeClientOpenedProfileListRequest());
        var closed = await client.CloseProfilesInBatchesAsync(new CloseProfilesInBatchesRequest { ProfileId = [161, 1575, 42] });
        var again = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.CloseProfilesInBatchesAsync(new CloseProfilesInBatchesRequest { ProfileId = [161] }));

        Assert.Equal([161L, 1575L], opened.Data.Select(p => p.ProfileId!.Value));
        Assert.All(opened.Data, p => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", p.LastOpenedTime));
        Assert.All(native.Data, p => Assert.StartsWith("ws://127.0.0.1:" + p.DebuggingPort + "/devtools/browser/", p.Ws, StringComparison.Ordinal));
        Assert.All(native.Data, p => Assert.Equal("127.0.0.1:" + p.DebuggingPort, p.DebuggingAddress));
        Assert.Equal("{}", simulator.ReceivedRequests.First(r => r.Path == IxBrowserClient.GetOpenedProfileListPath).RawBody);
        Assert.Equal("""{"profile_id":["161","1575","42"]}""", simulator.ReceivedRequests.First(r => r.Path == IxBrowserClient.CloseProfilesInBatchesPath).RawBody);
        Assert.Equal([161L, 1575L], closed.Data);
        Assert.Equal(IxBrowserErrorCodes.ProcessNotFound, again.Code);
        Assert.Equal(0, simulator.RunningBrowserCount);
    }

    [Fact]
    public async Task Close_answers_no_data_at_all_and_arrange_and_reset_answer_null_which_are_all_success()
    {
        using var simulator = BrowserSimulator.Start();
        var client = simulator.Client;
        await client.OpenProfileAsync(new OpenProfileRequest { ProfileId = 161 });

        var arranged = await client.ArrangeOpenedProfilesAsync(new ArrangeOpenedProfilesRequest { Layout = 2, ProfileSizeHeight = 400, ProfileDeviationX = 30 });
        var closed = await client.CloseProfileAsync(new CloseProfileRequest { ProfileId = 161 });
        var reset = await client.ResetProfileOpenStateAsync(new ResetProfileOpenStateRequest { ProfileId = 161 });
        var unknown = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.ResetProfileOpenStateAsync(new ResetProfileOpenStateRequest { ProfileId = 999 }));

        Assert.Null(arranged.Data);
        Assert.Null(closed.Data);
        Assert.Null(reset.Data);
        Assert.Equal("""{"layout":2,"profile_size_hight":400,"profile_deviaton_x":30}""", simulator.ReceivedRequests.First(r => r.Path == IxBrowserClient.ArrangeOpenedProfilesPath).RawBody);
        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, unknown.Code);
    }

    [Fact]
    public async Task A_profiles_custom_proxy_becomes_the_browsers_proxy_and_its_switches_are_passed()
    {
        using var simulator = BrowserSimulator.Start();
        simulator.AddProfile(new SimulatedProfile { Id = 9, ProxyMode = 2, CustomProxy = new SimulatedCustomProxySettings { ProxyType = "socks5", ProxyIp = "127.0.0.1", ProxyPort = "1", ProxyUser = "u", ProxyPassword = "p" } });

        var opened = await simulator.Client.OpenProfileAsync(new OpenProfileRequest { ProfileId = 9, Args = ["--lang=de-DE", "not-a-switch"] });
        var commandLine = System.IO.File.ReadAllText($"/proc/{opened.Data.Pid}/cmdline").Split('\0');
        await simulator.Client.CloseProfileAsync(new CloseProfileRequest { ProfileId = 9 });

        Assert.Contains("--proxy-server=socks5://127.0.0.1:1", commandLine);
        Assert.Contains("--lang=de-DE", commandLine);
        Assert.DoesNotContain("not-a-switch", commandLine);
        Assert.DoesNotContain(commandLine, part => part.Contains('p') && part.Contains("u:p", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Support.Envelopes.NoDataAnswers), MemberType = typeof(Support.Envelopes))]
    public async Task Every_spelling_of_no_data_is_a_success(string answer)
    {
        using var api = new Support.LocalApiServer().Answer(IxBrowserClient.CloseProfilePath, answer);

        var response = await api.Client.CloseProfileAsync(new CloseProfileRequest { ProfileId = 5 });

        Assert.Equal(0, response.Status.Code);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task A_bad_id_list_is_refused_before_sending_with_what_to_do()
    {
        using var simulator = IxBrowserSimulator.Start();

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => simulator.Client.CloseProfilesInBatchesAsync(new CloseProfilesInBatchesRequest { ProfileId = [] }));
        var zero = await Assert.ThrowsAsync<ArgumentException>(() => simulator.Client.CloseProfilesInBatchesAsync(new CloseProfilesInBatchesRequest { ProfileId = [3, 0] }));
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => simulator.Client.CloseProfilesInBatchesAsync(new CloseProfilesInBatchesRequest()));

        Assert.Contains("ProfileId (profile_id) must list at least one id; it is empty.", empty.Message, StringComparison.Ordinal);
        Assert.Contains("ProfileId (profile_id) must hold ids from 1; item 1 is 0.", zero.Message, StringComparison.Ordinal);
        Assert.Contains("ProfileId (profile_id) is required: set it.", missing.Message, StringComparison.Ordinal);
        Assert.Empty(simulator.ReceivedRequests);
    }
}
