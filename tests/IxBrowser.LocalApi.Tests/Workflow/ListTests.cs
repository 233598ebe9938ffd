using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Workflow;

/// <summary>Pages, their walkers, and the list quirks the spec models (ids, decimals, unknown values, secrets).</summary>
public class ListTests
{
    [Fact]
    public async Task Walking_the_proxy_list_reads_every_page_once_and_stops_at_the_total()
    {
        using var simulator = IxBrowserSimulator.Start();
        for (var i = 0; i < 7; i++)
        {
            simulator.AddProxy(new SimulatedProxy { Id = 50_000 + i, ProxyIp = "192.0.2." + i });
        }

        var request = new GetProxyListRequest { Limit = 3 };
        var ids = new List<long>();
        await foreach (var proxy in simulator.Client.EnumerateProxyListAsync(request))
        {
            ids.Add(proxy.Id!.Value);
        }

        var total = (await simulator.Client.GetProxyListAsync(new GetProxyListRequest())).Data.Total;
        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal((int)Math.Ceiling(total / 3.0) + 1, simulator.ReceivedRequests.Count);
        Assert.Null(request.Page);
    }

    [Fact]
    public async Task Walking_from_a_later_page_skips_the_earlier_ones()
    {
        using var simulator = IxBrowserSimulator.Start();

        var items = await Collect(simulator.Client.EnumerateProxyListAsync(new GetProxyListRequest { Limit = 1, Page = 2 }));

        Assert.Equal(new long[] { 24320, 1 }, items.Select(p => p.Id!.Value));
        Assert.Equal(2, simulator.ReceivedRequests.Count);
    }

    [Fact]
    public async Task A_server_that_answers_the_same_page_again_ends_the_walk_with_a_protocol_error_instead_of_looping()
    {
        using var api = new LocalApiServer().Answer(IxBrowserClient.GetGroupListPath, Envelopes.Success("""{"total":50,"data":[{"id":1,"title":"a"},{"id":2,"title":"b"}]}"""));

        var read = new List<GroupListItem>();
        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(async () =>
        {
            await foreach (var group in api.Client.EnumerateGroupListAsync(new GetGroupListRequest()))
            {
                read.Add(group);
            }
        });

        Assert.Equal(2, read.Count);
        Assert.Equal(2, api.Requests.Count);
        Assert.Contains("page 2 holds the same items as page 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_walk_stops_it_between_pages()
    {
        using var simulator = IxBrowserSimulator.Start();
        using var cancel = new CancellationTokenSource();

        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in simulator.Client.EnumerateProxyListAsync(new GetProxyListRequest { Limit = 1 }).WithCancellation(cancel.Token))
            {
                read++;
                cancel.Cancel();
            }
        });

        Assert.Equal(1, read);
        Assert.Single(simulator.ReceivedRequests);
    }

    [Fact]
    public void An_invalid_list_request_throws_at_the_call_before_anything_is_sent()
    {
        using var simulator = IxBrowserSimulator.Start();

        var error = Assert.Throws<ArgumentException>(() => simulator.Client.EnumerateProfileListAsync(new GetProfileListRequest { Limit = 0 }));

        Assert.Contains("Limit (limit)", error.Message, StringComparison.Ordinal);
        Assert.Empty(simulator.ReceivedRequests);
    }

    [Fact]
    public async Task Page_and_limit_are_sent_only_when_set_so_the_apps_defaults_of_1_and_10_apply()
    {
        using var simulator = IxBrowserSimulator.Start();

        await simulator.Client.GetTagListAsync(new GetTagListRequest());
        await simulator.Client.GetTagListAsync(new GetTagListRequest { Page = 2, Limit = 5 });

        Assert.Equal("{}", simulator.ReceivedRequests[0].RawBody);
        Assert.Equal("""{"page":2,"limit":5}""", simulator.ReceivedRequests[1].RawBody);
    }

    [Fact]
    public async Task An_unknown_proxy_type_or_mode_in_a_list_item_stays_readable_and_the_page_is_not_lost()
    {
        const string page = """{"total":2,"data":[{"profile_id":1,"proxy_mode":7,"proxy_type":"vless","tag_id":"3  4"},{"profile_id":2,"proxy_mode":2,"proxy_type":"socks5"}]}""";
        using var api = new LocalApiServer().Answer(IxBrowserClient.GetProfileListPath, Envelopes.Success(page));

        var items = (await api.Client.GetProfileListAsync(new GetProfileListRequest())).Data.Items;

        Assert.Equal(((ProxyMode)7, "vless"), (items[0].ProxyMode, items[0].ProxyType));
        Assert.Equal(new long[] { 3, 4 }, items[0].TagIds);
        Assert.Equal(ProxyMode.Custom, items[1].ProxyMode);
    }

    [Theory]
    [InlineData("\"tag_id\":\"12 x\"", "tag_id")]
    [InlineData("\"limit_flow\":\"lots\"", "limit_flow")]
    public async Task A_malformed_id_list_or_decimal_is_a_protocol_error_that_names_the_field(string field, string name)
    {
        var path = name == "tag_id" ? IxBrowserClient.GetProxyListPath : IxBrowserClient.GetTrafficPackageListPath;
        using var api = new LocalApiServer().Answer(path, Envelopes.Success("{\"total\":1,\"data\":[{\"id\":1," + field + "}]}"));

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => name == "tag_id"
            ? api.Client.GetProxyListAsync(new GetProxyListRequest())
            : api.Client.GetTrafficPackageListAsync(new GetTrafficPackageListRequest()));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_in_list_answers_are_readable_but_never_shown()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.AddProxy(new SimulatedProxy { Id = 7, ProxyIp = "192.0.2.9", ProxyUser = "alice-user", ProxyPassword = "hunter2-secret" });

        var page = (await simulator.Client.GetProxyListAsync(new GetProxyListRequest { ProxyIp = "192.0.2.9" })).Data;
        var proxy = page.Items.Single();

        Assert.Equal(("alice-user", "hunter2-secret"), (proxy.ProxyUser, proxy.ProxyPassword));
        foreach (var text in new[] { proxy.ToString(), page.ToString(), simulator.GetProxy(7)!.ToString() })
        {
            Assert.DoesNotContain("hunter2-secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("alice-user", text, StringComparison.Ordinal);
            Assert.Contains("***", text, StringComparison.Ordinal);
        }
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
