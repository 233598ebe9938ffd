using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using IxBrowser.LocalApi.Tests.Build;
using Xunit.Abstractions;

namespace IxBrowser.LocalApi.Tests.Reliability;

[Trait("Category", "Soak")]
[Collection(RunsAlone.Name)]
public class SoakTests(ITestOutputHelper output)
{
    private const int Workers = 64;
    private const int Calls = 20_000;
    private const int MaxInFlight = 8;
    private const int Seed = 20261124;

    [Fact]
    public async Task Twenty_thousand_calls_from_64_tasks_survive_random_faults_lose_no_update_and_never_create_twice()
    {
        using var simulator = IxBrowserSimulator.Start();
        for (var id = 1; id <= Workers; id++)
        {
            simulator.AddProxy(new SimulatedProxy { Id = id, ProxyIp = $"10.0.{id}.1", ProxyPort = "1000" });
        }

        simulator.Faults.InjectRandomly(0.05, Seed, Enum.GetValues<SimulatedFaultKind>());
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlight });
        var client = new IxBrowserClient(http, new IxBrowserClientOptions
        {
            BaseAddress = simulator.BaseAddress,
            MaxConcurrentRequests = MaxInFlight,
            MaxRetryAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
            Timeout = TimeSpan.FromSeconds(10),
        });

        // Each worker owns one proxy, so "the last write reported successful" is well defined per proxy.
        var lastSuccess = new string?[Workers + 1];
        var outcomes = new ConcurrentDictionary<string, int>();
        var foreign = new ConcurrentQueue<Exception>();
        var wrongReads = new ConcurrentQueue<string>();
        var created = new ConcurrentDictionary<string, long>();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(1, Workers).Select(id => Task.Run(async () =>
        {
            var share = Calls / Workers + (id <= Calls % Workers ? 1 : 0);
            for (var n = 0; n < share; n++)
            {
                var note = $"proxy {id} write {n}";
                try
                {
                    // Mostly updates; every tenth call a list read and a create, which must never be sent twice.
                    switch (n % 10)
                    {
                        case 3:
                            var page = (await client.GetProxyListAsync(new GetProxyListRequest { ProxyIp = $"10.0.{id}.1" }, bound.Token)).Data;
                            if (page.Total != 1 || page.Items.Single().Id != id)
                            {
                                wrongReads.Enqueue($"proxy {id}: total {page.Total}");
                            }

                            break;
                        case 7:
                            var title = $"soak {id}-{n}";
                            created[title] = (await client.CreateProxyTagAsync(new CreateProxyTagRequest { Title = title }, bound.Token)).Data;
                            break;
                        default:
                            await client.UpdateProxyAsync(new UpdateProxyRequest { Id = id, Note = note, ProxyPort = (2000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture) }, bound.Token);
                            lastSuccess[id] = note;
                            break;
                    }

                    outcomes.AddOrUpdate("success", 1, (_, c) => c + 1);
                }
                catch (IxBrowserException e)
                {
                    outcomes.AddOrUpdate(e is IxBrowserApiException { Code: IxBrowserErrorCodes.ProxyTagCreateTagNameAlreadyExists } ? "create sent twice" : e.GetType().Name, 1, (_, c) => c + 1);
                }
                catch (Exception e)
                {
                    foreign.Enqueue(e);
                }
            }
        })));

        clock.Stop();
        var total = outcomes.Values.Sum() + foreign.Count;
        var lost = Enumerable.Range(1, Workers).Where(id => simulator.GetProxy(id)!.Note != (lastSuccess[id] ?? string.Empty)).ToList();
        output.WriteLine($"Soak: {total} calls from {Workers} tasks in {clock.Elapsed.TotalSeconds:0.0} s; {simulator.ReceivedRequestCount} requests reached the simulator with 5% faults injected (seed {Seed}).");
        output.WriteLine("  outcomes: " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")) + $", foreign exceptions {foreign.Count}");
        output.WriteLine($"  connections opened {simulator.ConnectionsOpened}, most requests in flight {simulator.MaxRequestsInFlight}, proxies whose last successful write was lost {lost.Count}");

        var tags = simulator.ProxyTags.Where(t => t.Title.StartsWith("soak ", StringComparison.Ordinal)).ToList();
        var missingCreates = created.Count(c => !tags.Contains(new SimulatedTag(c.Value, c.Key)));
        output.WriteLine($"  lists read {outcomes.Values.Sum() / 10} times with {wrongReads.Count} wrong pages; {created.Count} creates reported, {missingCreates} of them missing, {outcomes.GetValueOrDefault("create sent twice")} sent twice");

        Assert.Empty(foreign.Select(e => e.ToString()));
        Assert.Empty(wrongReads);
        Assert.Equal(0, missingCreates);
        Assert.Equal(0, outcomes.GetValueOrDefault("create sent twice"));
        Assert.Equal(tags.Count, tags.Select(t => t.Title).Distinct().Count());
        Assert.Equal(Calls, total);
        Assert.False(bound.IsCancellationRequested, "the soak did not finish within its 5-minute bound");
        Assert.Empty(lost);
        Assert.InRange(simulator.MaxRequestsInFlight, 1, MaxInFlight);
        // Connections: the pool's eight, plus one for each connection a dropped-connection fault killed.
        var dropped = simulator.Faults.InjectedCount(SimulatedFaultKind.DroppedConnection);
        output.WriteLine($"  faults injected: {string.Join(", ", Enum.GetValues<SimulatedFaultKind>().Select(k => $"{k} {simulator.Faults.InjectedCount(k)}"))}");
        Assert.True(simulator.ConnectionsOpened <= MaxInFlight + dropped, $"{simulator.ConnectionsOpened} connections for {dropped} dropped ones");
        Assert.True(outcomes.GetValueOrDefault("success") > Calls * 0.9, "with 5% faults and two retries almost every call must succeed");
    }

    [Fact]
    public async Task A_throttled_phase_of_bulk_updates_from_one_client_per_task_ends_without_failures()
    {
        // The app refuses above 200 calls a second; 16 tasks each create their own client (sharing the
        // process's gate) and run 125 updates in bulk: 2,000 calls that must all succeed.
        const int Tasks = 16;
        const int PerTask = 125;
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.ThrottleAbovePerSecond = 200;
        for (var id = 1; id <= Tasks; id++)
        {
            simulator.AddProxy(new SimulatedProxy { Id = 1000 + id, ProxyIp = $"10.1.{id}.1", ProxyPort = "1000" });
        }

        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(1, Tasks).Select(task => Task.Run(async () =>
        {
            var client = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = simulator.BaseAddress });
            var requests = Enumerable.Range(0, PerTask).Select(n => new UpdateProxyRequest { Id = 1000 + task, Note = $"task {task} write {n}" });
            return await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, requests);
        })));
        clock.Stop();

        var items = results.SelectMany(r => r).ToList();
        var failed = items.Count(i => i.Status != IxBrowserBulkItemStatus.Succeeded);
        output.WriteLine($"Soak, throttled phase: {items.Count} bulk updates from {Tasks} clients against 1010 above 200/s in {clock.Elapsed.TotalSeconds:0.0} s (ideal {items.Count / 200.0:0.0} s); {simulator.ReceivedRequestCount} requests, {simulator.Faults.InjectedErrors} refused as too fast, {failed} failed, most in flight {simulator.MaxRequestsInFlight}.");

        Assert.Equal(Tasks * PerTask, items.Count);
        Assert.Equal(0, failed);
        Assert.Equal(1, simulator.MaxRequestsInFlight);
        Assert.All(Enumerable.Range(1, Tasks), task => Assert.Equal($"task {task} write {PerTask - 1}", simulator.GetProxy(1000 + task)!.Note));
    }
}
