using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// The pace against an app whose limit moves, and two processes against one app (issue 21). Each
/// row prints what happened; the tests (Bulk/ChangingLimitTests) assert failures and shares. Two
/// "processes" are two clients with gates of their own (ShareGate = false): the app cannot tell them
/// from two processes, since each learns only from its own answers.
/// Targets: after a drop, back under the new limit within 2 s with at most twice the limit's worth of
/// refusals; after a rise, 80 % of the new limit within 10 s; two processes each at least 35 % of the
/// limit while both run, and both done within 1.5x the combined ideal.
/// </summary>
public static class ChangingLimitProbe
{
    public static async Task RunAsync()
    {
        Console.WriteLine("Changing limits: UpdateProxy bulk runs with default options against the simulator (refused calls count in its window).");
        Console.WriteLine();
        Console.WriteLine("| case | phase calls | refusals after the change | back under (s) | 80 % of new limit (s) | phase wall (s) | ideal (s) | failures | target met |");
        Console.WriteLine("| :--- | ----------: | ------------------------: | -------------: | --------------------: | -------------: | --------: | -------: | :--------- |");
        await DropAsync(100, 20, 200).ConfigureAwait(false);
        await DropAsync(200, 5, 50).ConfigureAwait(false);
        await RiseAsync(5, 200, 2000).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine("| case | calls each | A's share of the limit | B's share | both done (s) | combined ideal (s) | ratio | failures | target met |");
        Console.WriteLine("| :--- | ---------: | ---------------------: | --------: | ------------: | -----------------: | ----: | -------: | :--------- |");
        await TwoProcessesAsync(20, 200).ConfigureAwait(false);
        await TwoProcessesAsync(50, 500).ConfigureAwait(false);
    }

    /// <summary>For tuning: the learned rate and the refusals every 100 ms across a change of limit.</summary>
    public static async Task TraceAsync(int from, int to, int calls)
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.ThrottleAbovePerSecond = from;
        var client = simulator.CreateClient();
        await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates(from * 3)).ConfigureAwait(false);
        simulator.Faults.ThrottleAbovePerSecond = to;
        var clock = Stopwatch.StartNew();
        var run = client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates(calls));
        var refused = simulator.Faults.InjectedErrors;
        var received = simulator.ReceivedRequestCount;
        while (!run.IsCompleted)
        {
            await Task.Delay(100).ConfigureAwait(false);
            var nowRefused = simulator.Faults.InjectedErrors;
            var nowReceived = simulator.ReceivedRequestCount;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,6:0.0} s  rate {1,7:0.0}  sent {2,4}  refused {3,3}", clock.Elapsed.TotalSeconds, client.Gate!.Pace.CurrentRate ?? double.PositiveInfinity, nowReceived - received, nowRefused - refused));
            (refused, received) = (nowRefused, nowReceived);
        }
    }

    private static async Task DropAsync(int from, int to, int calls)
    {
        var change = await ChangeAsync(from, to, warmUpSeconds: 3, calls).ConfigureAwait(false);
        var under = change.Sampler.FirstAtOrBelow(to);
        var met = change.Failures == 0 && under is <= 2.0 && change.Refusals <= 2 * to;
        Row($"drop {from}/s -> {to}/s", calls, change.Refusals, under, null, change.Wall, (double)calls / to, change.Failures, met);
    }

    private static async Task RiseAsync(int from, int to, int calls)
    {
        var change = await ChangeAsync(from, to, warmUpSeconds: 4, calls).ConfigureAwait(false);
        var reached = change.Sampler.FirstAtOrAbove(0.8 * to);
        var met = change.Failures == 0 && reached is <= 10.0;
        Row($"rise {from}/s -> {to}/s", calls, change.Refusals, null, reached, change.Wall, (double)calls / to, change.Failures, met);
    }

    /// <summary>A bulk run at <paramref name="from"/>/s long enough to learn it, then <paramref name="calls"/> more after the limit moves to <paramref name="to"/>.</summary>
    private static async Task<(RateSampler Sampler, int Refusals, double Wall, int Failures)> ChangeAsync(int from, int to, int warmUpSeconds, int calls)
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.ThrottleAbovePerSecond = from;
        var client = simulator.CreateClient();
        await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates(from * warmUpSeconds)).ConfigureAwait(false);

        simulator.Faults.ThrottleAbovePerSecond = to;
        var refusedBefore = simulator.Faults.InjectedErrors;
        var sampler = new RateSampler(client);
        var clock = Stopwatch.StartNew();
        var items = await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates(calls)).ConfigureAwait(false);
        clock.Stop();
        sampler.Dispose();
        return (sampler, simulator.Faults.InjectedErrors - refusedBefore, clock.Elapsed.TotalSeconds, items.Count(i => i.Status != IxBrowserBulkItemStatus.Succeeded));
    }

    private static async Task TwoProcessesAsync(int limit, int callsEach)
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.ThrottleAbovePerSecond = limit;
        var a = simulator.CreateClient(o => o.ShareGate = false);
        var b = simulator.CreateClient(o => o.ShareGate = false);
        var clock = Stopwatch.StartNew();
        var doneA = new CountingProgress();
        var doneB = new CountingProgress();
        var runA = a.RunBulkAsync<UpdateProxyRequest, int>(a.UpdateProxyAsync, Updates(callsEach), doneA);
        var runB = b.RunBulkAsync<UpdateProxyRequest, int>(b.UpdateProxyAsync, Updates(callsEach), doneB);
        await Task.WhenAny(runA, runB).ConfigureAwait(false);
        var overlap = clock.Elapsed.TotalSeconds;
        var shareA = doneA.Done / overlap / limit;
        var shareB = doneB.Done / overlap / limit;
        var items = (await runA.ConfigureAwait(false)).Concat(await runB.ConfigureAwait(false)).ToList();
        clock.Stop();

        var ideal = 2.0 * callsEach / limit;
        var ratio = clock.Elapsed.TotalSeconds / ideal;
        var failures = items.Count(i => i.Status != IxBrowserBulkItemStatus.Succeeded);
        var met = failures == 0 && shareA >= 0.35 && shareB >= 0.35 && ratio <= 1.5;
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "| two processes at {0}/s | {1} | {2:0%} | {3:0%} | {4:0.00} | {5:0.00} | {6:0.00} | {7} | {8} |",
            limit,
            callsEach,
            shareA,
            shareB,
            clock.Elapsed.TotalSeconds,
            ideal,
            ratio,
            failures,
            met ? "yes" : "NO"));
    }

    private static void Row(string name, int calls, int refusals, double? under, double? reached, double wall, double ideal, int failures, bool met) =>
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "| {0} | {1} | {2} | {3} | {4} | {5:0.00} | {6:0.00} | {7} | {8} |",
            name,
            calls,
            refusals,
            under is { } u ? u.ToString("0.00", CultureInfo.InvariantCulture) : "-",
            reached is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-",
            wall,
            ideal,
            failures,
            met ? "yes" : "NO"));

    private static IEnumerable<UpdateProxyRequest> Updates(int count) =>
        Enumerable.Range(0, count).Select(i => new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "pace " + i.ToString(CultureInfo.InvariantCulture) });

    /// <summary>Counts finished items as they finish (Progress&lt;T&gt; would post them later).</summary>
    private sealed class CountingProgress : IProgress<IxBrowserBulkProgress>
    {
        private int _done;

        public int Done => Volatile.Read(ref _done);

        public void Report(IxBrowserBulkProgress value) => Interlocked.Increment(ref _done);
    }

    /// <summary>Samples the client's learned rate every 10 ms from its start.</summary>
    private sealed class RateSampler : IDisposable
    {
        private readonly List<(double Seconds, double Rate)> _samples = new();
        private readonly Timer _timer;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public RateSampler(IxBrowserClient client)
        {
            _timer = new Timer(_ =>
            {
                var rate = client.Gate!.Pace.CurrentRate ?? double.PositiveInfinity;
                lock (_samples)
                {
                    _samples.Add((_clock.Elapsed.TotalSeconds, rate));
                }
            }, null, 0, 10);
        }

        public double? FirstAtOrBelow(double limit) => First(rate => rate <= limit);

        public double? FirstAtOrAbove(double limit) => First(rate => rate >= limit);

        public void Dispose() => _timer.Dispose();

        private double? First(Func<double, bool> test)
        {
            lock (_samples)
            {
                foreach (var (seconds, rate) in _samples)
                {
                    if (test(rate))
                    {
                        return seconds;
                    }
                }
            }

            return null;
        }
    }
}
