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
/// sharing rows each: two clients with gates of their own in this process (the tests' model), and
/// two real processes (two runs of this program) against one standalone simulator process.
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
        Console.WriteLine("| case | calls each | B's first answer after (s) | A's share of the limit | B's share | both done (s) | combined ideal (s) | ratio | failures | target met |");
        Console.WriteLine("| :--- | ---------: | -------------------------: | ---------------------: | --------: | ------------: | -----------------: | ----: | -------: | :--------- |");
        await TwoClientsAsync(20, 200).ConfigureAwait(false);
        await TwoClientsAsync(50, 500).ConfigureAwait(false);
        await TwoProcessesAsync(20, 200).ConfigureAwait(false);
        await TwoProcessesAsync(50, 500).ConfigureAwait(false);
        await TwoProcessesAsync(20, 200, joinLater: true).ConfigureAwait(false);
    }

    /// <summary>--pacing-sharing RUNS: only the sharing rows, RUNS times each, to see how often a share falls under 35 %.</summary>
    public static async Task SharingAsync(int runs)
    {
        Console.WriteLine("| case | calls each | B's first answer after (s) | A's share of the limit | B's share | both done (s) | combined ideal (s) | ratio | failures | target met |");
        Console.WriteLine("| :--- | ---------: | -------------------------: | ---------------------: | --------: | ------------: | -----------------: | ----: | -------: | :--------- |");
        for (var run = 0; run < runs; run++)
        {
            await TwoClientsAsync(20, 200).ConfigureAwait(false);
            await TwoClientsAsync(50, 500).ConfigureAwait(false);
            await TwoProcessesAsync(20, 200).ConfigureAwait(false);
            await TwoProcessesAsync(50, 500).ConfigureAwait(false);
            await TwoProcessesAsync(20, 200, joinLater: true).ConfigureAwait(false);
        }
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

    /// <summary>
    /// For tuning issue 21's sharing: client A runs alone for <paramref name="delayMs"/> ms (as the process
    /// that started first does), then B joins; prints both learned rates and finished items every 250 ms.
    /// </summary>
    public static async Task StaggerTraceAsync(int limit, int delayMs, int callsEach)
    {
        // Compiled first, so that the delay is the delay (a real process joining later has compiled its own).
        using (var warm = IxBrowserSimulator.Start())
        {
            var client = warm.CreateClient(o => o.ShareGate = false);
            await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates(20)).ConfigureAwait(false);
        }

        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.ThrottleAbovePerSecond = limit;
        var a = simulator.CreateClient(o => o.ShareGate = false);
        var b = simulator.CreateClient(o => o.ShareGate = false);
        var doneA = new CountingProgress();
        var doneB = new CountingProgress();
        var clock = Stopwatch.StartNew();
        var runA = a.RunBulkAsync<UpdateProxyRequest, int>(a.UpdateProxyAsync, Updates(callsEach), doneA);
        await Task.Delay(delayMs).ConfigureAwait(false);
        var startB = doneA.Done;
        var runB = b.RunBulkAsync<UpdateProxyRequest, int>(b.UpdateProxyAsync, Updates(callsEach), doneB);
        var joined = clock.Elapsed.TotalSeconds;
        while (!runA.IsCompleted && !runB.IsCompleted)
        {
            await Task.Delay(100).ConfigureAwait(false);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,6:0.00} s  A rate {1,6:0.0} done {2,4} cuts {6,3}   B rate {3,6:0.0} done {4,4} cuts {7,3}   refused {5}", clock.Elapsed.TotalSeconds, a.Gate!.Pace.CurrentRate ?? double.PositiveInfinity, doneA.Done, b.Gate!.Pace.CurrentRate ?? double.PositiveInfinity, doneB.Done, simulator.Faults.InjectedErrors, a.Gate.Pace.Decreases, b.Gate.Pace.Decreases));
        }

        var overlap = clock.Elapsed.TotalSeconds - joined;
        var shareA = (doneA.Done - startB) / overlap / limit;
        var shareB = doneB.Done / overlap / limit;
        await Task.WhenAll(runA, runB).ConfigureAwait(false);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "STAGGER limit {0} delay {1} ms: A {2:0%}  B {3:0%}  both done {4:0.00} s (ideal {5:0.00})", limit, delayMs, shareA, shareB, clock.Elapsed.TotalSeconds, 2.0 * callsEach / limit));
    }

    /// <summary>Two clients with gates of their own in this process: the model the tests assert on.</summary>
    private static async Task TwoClientsAsync(int limit, int callsEach)
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

        var failures = items.Count(i => i.Status != IxBrowserBulkItemStatus.Succeeded);
        SharingRow("two clients, one process,", limit, callsEach, null, shareA, shareB, clock.Elapsed.TotalSeconds, failures);
    }

    /// <summary>
    /// Two real processes (this program's --pacing-worker) against one standalone simulator process:
    /// each has its own gate and learns only from its own answers, as two tools on one ixBrowser do.
    /// </summary>
    private static async Task TwoProcessesAsync(int limit, int callsEach, bool joinLater = false)
    {
        var port = FreePort();
        using var simulator = StartDotnet("IxBrowser.LocalApi.Simulator.dll", $"--listen 127.0.0.1:{port} --throttle {limit} --keep-requests 0");
        while (await simulator.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line && !line.Contains("listening on", StringComparison.Ordinal))
        {
        }

        var clock = Stopwatch.StartNew();
        var a = new Worker(StartDotnet("IxBrowser.LocalApi.Benchmarks.dll", $"--pacing-worker http://127.0.0.1:{port}/ {callsEach}"));
        if (joinLater)
        {
            // B starts once A has learned the app's pace alone: the case that starved B.
            while (a.Done == 0 && !a.Finished.IsCompleted)
            {
                await Task.Delay(10).ConfigureAwait(false);
            }

            await Task.Delay(1000).ConfigureAwait(false);
        }

        var b = new Worker(StartDotnet("IxBrowser.LocalApi.Benchmarks.dll", $"--pacing-worker http://127.0.0.1:{port}/ {callsEach}"));

        // The shares are measured while both send: from B's first answer (a process takes a second or
        // more to start on this 2-core machine, and a process that has not started yet cannot have a
        // share) until the first one finishes. The startup time is printed beside the shares.
        var spawned = clock.Elapsed.TotalSeconds;
        while (b.Done == 0 && !b.Finished.IsCompleted)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }

        var joined = clock.Elapsed.TotalSeconds;
        var (aBefore, bBefore) = (a.Done, b.Done);
        await Task.WhenAny(a.Finished, b.Finished).ConfigureAwait(false);
        var overlap = clock.Elapsed.TotalSeconds - joined;
        var shareA = (a.Done - aBefore) / overlap / limit;
        var shareB = (b.Done - bBefore) / overlap / limit;
        var failures = await a.Finished.ConfigureAwait(false) + await b.Finished.ConfigureAwait(false);
        clock.Stop();
        simulator.StandardInput.WriteLine();
        simulator.WaitForExit(30_000);

        SharingRow(joinLater ? "two processes, B 1 s after A," : "two processes", limit, callsEach, joined - spawned, shareA, shareB, clock.Elapsed.TotalSeconds, failures);
    }

    /// <summary>
    /// One row of the sharing table: how long B's process took to send its first answer, each side's
    /// share of the limit while both ran, and the whole run against the combined ideal.
    /// </summary>
    private static void SharingRow(string name, int limit, int callsEach, double? startup, double shareA, double shareB, double wall, int failures)
    {
        var ideal = 2.0 * callsEach / limit;
        var ratio = wall / ideal;
        var met = failures == 0 && shareA >= 0.35 && shareB >= 0.35 && ratio <= 1.5;
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "| {0} at {1}/s | {2} | {10} | {3:0%} | {4:0%} | {5:0.00} | {6:0.00} | {7:0.00} | {8} | {9} |",
            name,
            limit,
            callsEach,
            shareA,
            shareB,
            wall,
            ideal,
            ratio,
            failures,
            met ? "yes" : "NO",
            startup is { } t ? t.ToString("0.00", CultureInfo.InvariantCulture) : "-"));
    }

    /// <summary>--pacing-worker URL N: N bulk updates with default options, printing "P n" after each item and "DONE failures" at the end.</summary>
    public static async Task WorkerAsync(Uri baseAddress, int calls)
    {
        var client = new IxBrowserClient(new IxBrowserClientOptions { BaseAddress = baseAddress });
        var done = 0;
        var progress = new Reporter(() => Console.Out.WriteLine("P " + Interlocked.Increment(ref done).ToString(CultureInfo.InvariantCulture)));
        var items = await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, Updates(calls), progress).ConfigureAwait(false);
        Console.Out.WriteLine("DONE " + items.Count(i => i.Status != IxBrowserBulkItemStatus.Succeeded).ToString(CultureInfo.InvariantCulture));
    }

    private static Process StartDotnet(string dll, string arguments) =>
        Process.Start(new ProcessStartInfo("dotnet", $"\"{System.IO.Path.Combine(AppContext.BaseDirectory, dll)}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardInput = true })!;

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A worker process: how many items it has finished, and its failures once it is done.</summary>
    private sealed class Worker
    {
        private int _done;

        public Worker(Process process)
        {
            Finished = ReadAsync(process);
        }

        public int Done => Volatile.Read(ref _done);

        public Task<int> Finished { get; }

        private async Task<int> ReadAsync(Process process)
        {
            using (process)
            {
                while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
                {
                    if (line.StartsWith("P ", StringComparison.Ordinal))
                    {
                        Volatile.Write(ref _done, int.Parse(line.AsSpan(2), CultureInfo.InvariantCulture));
                    }
                    else if (line.StartsWith("DONE ", StringComparison.Ordinal))
                    {
                        return int.Parse(line.AsSpan(5), CultureInfo.InvariantCulture);
                    }
                }

                return int.MaxValue;
            }
        }
    }

    private sealed class Reporter(Action report) : IProgress<IxBrowserBulkProgress>
    {
        public void Report(IxBrowserBulkProgress value) => report();
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
