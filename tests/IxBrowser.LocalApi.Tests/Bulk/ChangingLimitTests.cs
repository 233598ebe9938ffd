using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IxBrowser.LocalApi.Tests.Bulk;

/// <summary>
/// The pace follows the app: the gate is the address's the client sends to, a falling limit is met
/// with few refusals, and two processes share one app. Failures, refusals and shares are asserted;
/// the times are printed by the pacing measurement (--pacing), not asserted.
/// </summary>
public class ChangingLimitTests
{
    private static IEnumerable<UpdateProxyRequest> Updates(int count) =>
        Enumerable.Range(0, count).Select(i => new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "pace " + i });

    [Fact]
    public async Task The_gate_belongs_to_the_address_the_client_sends_to()
    {
        using var slow = IxBrowserSimulator.Start();
        using var fast = IxBrowserSimulator.Start();
        slow.Faults.ThrottleAbovePerSecond = 10;
        using var toSlow = new HttpClient { BaseAddress = slow.BaseAddress };
        using var toFast = new HttpClient { BaseAddress = fast.BaseAddress };
        var slowClient = new IxBrowserClient(toSlow);
        var fastClient = new IxBrowserClient(toFast);
        await slowClient.RunBulkAsync<UpdateProxyRequest, int>(slowClient.UpdateProxyAsync, Updates(40));

        Assert.True(slowClient.Gate!.Pace.CurrentRate is not null, "the slow app's pace must have been learned");
        Assert.NotSame(slowClient.Gate, fastClient.Gate);
        Assert.Null(fastClient.Gate!.Pace.CurrentRate);
        Assert.Same(slowClient.Gate, new IxBrowserClient(toSlow).Gate);
    }

    [Fact]
    public async Task With_dependency_injection_the_gate_is_the_typed_HttpClients_address()
    {
        using var first = IxBrowserSimulator.Start();
        using var second = IxBrowserSimulator.Start();
        using var services = new ServiceCollection()
            .AddIxBrowserClient()
            .ConfigureHttpClient(http => http.BaseAddress = second.BaseAddress)
            .Services.BuildServiceProvider();
        var client = (IxBrowserClient)services.GetRequiredService<IIxBrowserClient>();

        Assert.Equal(second.BaseAddress, client.BaseAddress);
        Assert.Same(new IxBrowserClient(new HttpClient { BaseAddress = second.BaseAddress }).Gate, client.Gate);
        Assert.NotSame(new IxBrowserClient(new HttpClient { BaseAddress = first.BaseAddress }).Gate, client.Gate);
        await client.DeleteProxyAsync(new DeleteProxyRequest { Id = 24320 });
        Assert.Single(second.ReceivedRequests);
        Assert.Empty(first.ReceivedRequests);
    }

    [Fact]
    public async Task After_the_limit_falls_the_refusals_stay_within_twice_the_new_limit()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.ThrottleAbovePerSecond = 60;
        var client = simulator.CreateClient();
        await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates(150));

        simulator.Faults.ThrottleAbovePerSecond = 10;
        var before = simulator.Faults.InjectedErrors;
        var items = await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates(40));

        Assert.All(items, item => Assert.Equal(IxBrowserBulkItemStatus.Succeeded, item.Status));
        var refusals = simulator.Faults.InjectedErrors - before;
        Assert.True(refusals <= 2 * 10, $"{refusals} refusals after the limit fell to 10/s");
        // The pace probes a little above the limit between refusals; it must be near the new limit, not the old one.
        Assert.True(client.Gate!.Pace.CurrentRate <= 15, $"pace {client.Gate.Pace.CurrentRate}/s after the fall to 10/s");
    }

    [Fact]
    public Task Two_processes_sharing_one_app_each_get_at_least_35_percent() => AssertSharedAsync(joinLater: false);

    /// <summary>
    /// The case that starved before the gates told each other their counts: A has learned the app's pace
    /// alone when B starts unlimited, meets a full window and, from its own answers alone, falls to 1
    /// call a second (B's share was 10-24 % with SharePaceAcrossProcesses = false).
    /// </summary>
    [Fact]
    public Task A_process_that_joins_a_paced_app_later_still_gets_its_share() => AssertSharedAsync(joinLater: true);

    /// <summary>Two gates of their own (to the app, two processes) against a 30/s app: every item succeeds, and each gets at least 35 % while both run.</summary>
    private static async Task AssertSharedAsync(bool joinLater)
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.ThrottleAbovePerSecond = 30;
        var a = simulator.CreateClient(o => o.ShareGate = false);
        var b = simulator.CreateClient(o => o.ShareGate = false);
        var doneA = new Counter();
        var doneB = new Counter();
        var runA = a.RunBulkAsync<UpdateProxyRequest, int>(a.UpdateProxyAsync, Updates(joinLater ? 300 : 240), doneA);
        var aloneA = 0;
        if (joinLater)
        {
            while (a.Gate!.Pace.CurrentRate is null && !runA.IsCompleted)
            {
                await Task.Delay(20);
            }

            await Task.Delay(500);
            aloneA = doneA.Value;
        }

        var runB = b.RunBulkAsync<UpdateProxyRequest, int>(b.UpdateProxyAsync, Updates(240), doneB);
        await Task.WhenAny(runA, runB);
        var (atA, atB) = (doneA.Value - aloneA, doneB.Value);
        var items = (await runA).Concat(await runB).ToList();

        Assert.All(items, item => Assert.Equal(IxBrowserBulkItemStatus.Succeeded, item.Status));
        var total = (double)(atA + atB);
        Assert.True(atA / total >= 0.35 && atB / total >= 0.35, $"while both ran: A {atA}, B {atB} calls (B held its pace for the others {b.Gate!.Pace.HeldForPeers} times)");
    }

    private sealed class Counter : IProgress<IxBrowserBulkProgress>
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Report(IxBrowserBulkProgress value) => Interlocked.Increment(ref _value);
    }
}
