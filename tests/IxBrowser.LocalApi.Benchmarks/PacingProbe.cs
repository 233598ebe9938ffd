using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// The pacing measurement of the bulk issue: N proxy updates through one client with default options,
/// against the simulator answering 1010 above R calls a second (refused calls counted too). Prints
/// wall time, the ideal N/R, their ratio, requests sent, 1010s received and failures per R.
/// Target: 0 failures and a ratio of at most 1.25. A measurement, not a test: nothing here fails.
/// </summary>
public static class PacingProbe
{
    public static async Task RunAsync(int calls, int[] rates)
    {
        Console.WriteLine($"Pacing: {calls} UpdateProxy calls with default options (RunBulkAsync) against the simulator throttling above R calls/s.");
        Console.WriteLine();
        Console.WriteLine("|   R/s | wall (s) | ideal N/R (s) | ratio | requests sent | 1010s | failures | target met |");
        Console.WriteLine("| ----: | -------: | ------------: | ----: | ------------: | ----: | -------: | :--------- |");
        foreach (var rate in rates)
        {
            using var simulator = IxBrowserSimulator.Start();
            simulator.Faults.ThrottleAbovePerSecond = rate;
            var client = simulator.CreateClient();
            var requests = Enumerable.Range(0, calls).Select(i => new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "rotation " + i.ToString(CultureInfo.InvariantCulture) });

            var clock = Stopwatch.StartNew();
            var items = await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, requests).ConfigureAwait(false);
            clock.Stop();

            var ideal = (double)calls / rate;
            var ratio = clock.Elapsed.TotalSeconds / ideal;
            var failures = items.Count(i => i.Status != IxBrowserBulkItemStatus.Succeeded);
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0,5} | {1,8:0.00} | {2,13:0.00} | {3,5:0.00} | {4,13} | {5,5} | {6,8} | {7,-10} |",
                rate,
                clock.Elapsed.TotalSeconds,
                ideal,
                ratio,
                simulator.ReceivedRequestCount,
                simulator.Faults.InjectedErrors,
                failures,
                failures == 0 && ratio <= 1.25 ? "yes" : "NO"));
        }
    }
}
