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
    public async Task Twenty_thousand_calls_from_64_tasks_survive_random_faults_and_lose_no_update()
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
                    await client.UpdateProxyAsync(new UpdateProxyRequest { Id = id, Note = note, ProxyPort = (2000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture) }, bound.Token);
                    lastSuccess[id] = note;
                    outcomes.AddOrUpdate("success", 1, (_, c) => c + 1);
                }
                catch (IxBrowserException e)
                {
                    outcomes.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
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
        output.WriteLine($"Soak: {total} calls from {Workers} tasks in {clock.Elapsed.TotalSeconds:0.0} s; {simulator.ReceivedRequests.Count} requests reached the simulator with 5% faults injected (seed {Seed}).");
        output.WriteLine("  outcomes: " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")) + $", foreign exceptions {foreign.Count}");
        output.WriteLine($"  connections opened {simulator.ConnectionsOpened}, most requests in flight {simulator.MaxRequestsInFlight}, proxies whose last successful write was lost {lost.Count}");

        Assert.Empty(foreign.Select(e => e.ToString()));
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
}
