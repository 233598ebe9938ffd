using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using IxBrowser.LocalApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IxBrowser.LocalApi.Tests.Bulk;

/// <summary>Bulk runs at the app's pace: per-item results, no failures under throttling, one gate per app. Times are measured by --pacing, not asserted here.</summary>
public class BulkTests
{
    private static IEnumerable<UpdateProxyRequest> Updates(int count, long id = IxBrowserSimulator.DocsProxyId) =>
        Enumerable.Range(0, count).Select(i => new UpdateProxyRequest { Id = id, Note = "bulk " + i });

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public async Task Every_item_succeeds_against_an_app_that_refuses_above_a_rate_it_does_not_announce(int perSecond)
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.ThrottleAbovePerSecond = perSecond;
        var client = simulator.CreateClient();

        // Limits low enough that a loaded test machine still sends faster and meets them.
        var items = await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates((3 * perSecond) + 20));

        Assert.All(items, item => Assert.Equal(IxBrowserBulkItemStatus.Succeeded, item.Status));
        Assert.Equal(Enumerable.Range(0, items.Count), items.Select(i => i.Index));
        Assert.Equal("bulk " + (items.Count - 1), simulator.GetProxy(IxBrowserSimulator.DocsProxyId)!.Note);
        Assert.True(simulator.Faults.InjectedErrors > 0, "the run must have met the limit, or it proves nothing about learning it");
        // Learned, not hammered: a client that only retried would collect a refusal for most calls.
        Assert.True(simulator.Faults.InjectedErrors < items.Count / 10, $"{simulator.Faults.InjectedErrors} refusals for {items.Count} calls");
    }

    [Fact]
    public async Task An_app_that_limits_overlap_instead_of_rate_is_also_served_without_failures()
    {
        using var api = new LocalApiServer(configure: o => o.MaxConcurrentRequests = 8);
        var probe = new ConcurrencyProbe();
        probe.Install(api.Server, LocalApiServer.ProxyUpdatePath, limit: 2, Envelopes.ProxyUpdateSuccess);

        var items = await api.Client.RunBulkAsync<UpdateProxyRequest, int>(api.Client.UpdateProxyAsync, Updates(200));

        Assert.All(items, item => Assert.Equal(IxBrowserBulkItemStatus.Succeeded, item.Status));
    }

    [Fact]
    public async Task A_failing_item_is_recorded_with_its_request_and_the_others_still_run()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.CreateClient();
        var requests = new[]
        {
            new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "a" },
            new UpdateProxyRequest { Id = 999_999, Note = "missing" },
            new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, ProxyPort = "70000" },
            new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "b" },
        };

        var items = await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, requests);

        Assert.Equal(new[] { IxBrowserBulkItemStatus.Succeeded, IxBrowserBulkItemStatus.Failed, IxBrowserBulkItemStatus.Failed, IxBrowserBulkItemStatus.Succeeded }, items.Select(i => i.Status));
        var missing = Assert.IsType<IxBrowserApiException>(items[1].Exception);
        Assert.Equal(IxBrowserErrorCodes.ProxyNotFound, missing.Code);
        Assert.Contains("for proxy 999999", missing.Message, StringComparison.Ordinal);
        Assert.Same(requests[1], items[1].Request);
        Assert.IsAssignableFrom<ArgumentException>(items[2].Exception);
        Assert.Equal(1, items[3].Response!.Data);
    }

    [Fact]
    public async Task Progress_counts_every_item_and_reports_the_pace()
    {
        using var simulator = IxBrowserSimulator.Start();
        // A limit a loaded CI machine still exceeds in-process (at 100/s one run never met a 1010, so no pace was learned).
        const int limit = 30;
        simulator.Faults.ThrottleAbovePerSecond = limit;
        var client = simulator.CreateClient();
        var reports = new ConcurrentQueue<IxBrowserBulkProgress>();

        await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates(120), new SynchronousProgress(reports.Enqueue));

        Assert.Equal(120, reports.Count);
        Assert.Equal(Enumerable.Range(1, 120), reports.Select(r => r.Done).OrderBy(d => d));
        Assert.All(reports, r => Assert.Equal(120, r.Total));
        Assert.Contains(reports, r => r.RequestsPerSecond is > 0 and < limit);
    }

    [Fact]
    public async Task Cancelling_leaves_every_item_either_sent_and_recorded_or_not_sent()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.Latency = TimeSpan.FromMilliseconds(20);
        var client = simulator.CreateClient();
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done == 5)
            {
                cancel.Cancel();
            }
        });

        var items = await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates(100), progress, cancel.Token);

        var sent = items.Where(i => i.Status != IxBrowserBulkItemStatus.NotSent).ToList();
        Assert.InRange(sent.Count, 5, 6);
        Assert.All(sent, i => Assert.Equal(IxBrowserBulkItemStatus.Succeeded, i.Status));
        Assert.Equal(sent.Count, simulator.ReceivedRequestCount);
        Assert.All(items.Skip(sent.Count), i => Assert.Equal(IxBrowserBulkItemStatus.NotSent, i.Status));
    }

    [Fact]
    public async Task Clients_of_one_process_share_one_gate_per_address_however_they_were_created()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.Latency = TimeSpan.FromMilliseconds(5);
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        // A client per call, the pattern that put 61 requests in flight at once.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => new IxBrowserClient(http).UpdateProxyAsync(new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "n" + i })));

        Assert.Equal(1, simulator.MaxRequestsInFlight);
    }

    [Fact]
    public async Task A_client_from_dependency_injection_and_one_from_new_share_the_gate_of_their_address()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.Latency = TimeSpan.FromMilliseconds(5);
        using var provider = new ServiceCollection().AddIxBrowserClient(o => o.BaseAddress = simulator.BaseAddress).Services.BuildServiceProvider();
        var fromContainer = provider.GetRequiredService<IIxBrowserClient>();
        using var http = new HttpClient();
        var fromNew = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = simulator.BaseAddress });

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? fromContainer : fromNew).UpdateProxyAsync(new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "n" + i })));

        Assert.Equal(1, simulator.MaxRequestsInFlight);
    }

    [Fact]
    public async Task A_client_can_opt_out_of_the_shared_gate()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.Latency = TimeSpan.FromMilliseconds(50);
        var clients = Enumerable.Range(0, 4).Select(_ => simulator.CreateClient(o => o.ShareGate = false)).ToList();

        await Task.WhenAll(clients.Select((c, i) => c.UpdateProxyAsync(new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "own " + i })));

        Assert.True(simulator.MaxRequestsInFlight > 1, $"{simulator.MaxRequestsInFlight} in flight: separate gates must not serialize each other");
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
    private sealed class SynchronousProgress(Action<IxBrowserBulkProgress> report) : IProgress<IxBrowserBulkProgress>
    {
        public void Report(IxBrowserBulkProgress value) => report(value);
    }
}
