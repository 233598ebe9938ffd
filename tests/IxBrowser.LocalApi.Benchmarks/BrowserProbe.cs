using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Playwright;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// What opening and driving profiles costs, against the simulator's real headless Chromium (a
/// measurement that prints tables; nothing is asserted):
/// 1. from the open call to a connected Playwright browser, split into the app's part (profile-open,
///    which starts Chromium) and the client's part (readiness check and the CDP connection);
/// 2. N profiles opened, worked on (one page each) and closed, with caps of 1, 2 and 4 open browsers.
/// </summary>
internal static class BrowserProbe
{
    public static async Task RunAsync(int count)
    {
        using var simulator = IxBrowserSimulator.Start();
        if (simulator.ChromiumPath is null)
        {
            Console.WriteLine("Browser probe: no Chromium on this machine (bash build/install-chromium.sh installs it); nothing measured.");
            return;
        }

        using var page = TestWebPage.Start("probe", "<p>probe</p>");
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var client = simulator.Client;
        var profile = IxBrowserSimulator.DocsProfileId;

        // Warm-up: the first Chromium start reads its files from disk.
        await (await client.OpenBrowserAsync(profile)).DisposeAsync();

        var appOpen = new List<double>();
        var toReady = new List<double>();
        var toConnected = new List<double>();
        var close = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await client.OpenProfileAsync(new OpenProfileRequest { ProfileId = profile });
            appOpen.Add(clock.Elapsed.TotalMilliseconds);
            await client.CloseProfileAsync(new CloseProfileRequest { ProfileId = profile });

            clock.Restart();
            var opened = await client.OpenBrowserAsync(profile);
            toReady.Add(clock.Elapsed.TotalMilliseconds);
            var browser = await playwright.Chromium.ConnectOverCDPAsync(opened.WebSocketAddress.ToString());
            toConnected.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await browser.CloseAsync();
            await opened.CloseAsync();
            close.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"Browser probe: open to connected Playwright, {count} opens of one profile, simulator's headless Chromium, {Environment.ProcessorCount} cores (ms)");
        Console.WriteLine("| step | median | p90 | max |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Row("profile-open alone (the app starts Chromium and answers)", appOpen);
        Row("OpenBrowserAsync (open + /json/version answers)", toReady);
        Row("... + Playwright ConnectOverCDPAsync (connected)", toConnected);
        Row("client's share: connected minus profile-open alone", toConnected.Zip(appOpen, (a, b) => a - b).ToList());
        Row("close (Playwright disconnect + profile-close, browser ended)", close);

        Console.WriteLine();
        Console.WriteLine($"Browser probe: {count} profiles opened, one page read each, closed (RunProfilesAsync)");
        Console.WriteLine("| cap (MaxOpenBrowsers) | wall time (s) | per profile (ms) | most open at once | succeeded | browsers left |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        var ids = Enumerable.Range(1, count).Select(i => 5000L + i).ToArray();
        foreach (var id in ids)
        {
            simulator.AddProfile(id);
        }

        foreach (var cap in new[] { 1, 2, 4 })
        {
            var peak = 0;
            var clock = Stopwatch.StartNew();
            var results = await client.RunProfilesAsync(ids, async (opened, cancellationToken) =>
            {
                InterlockedMax(ref peak, simulator.RunningBrowserCount);
                await using var browser = await playwright.Chromium.ConnectOverCDPAsync(opened.WebSocketAddress.ToString());
                var tab = await browser.Contexts[0].NewPageAsync();
                await tab.GotoAsync(page.Address.ToString());
                return await tab.TitleAsync();
            }, new IxBrowserProfileRunOptions { MaxOpenBrowsers = cap });
            var wall = clock.Elapsed;
            Console.WriteLine($"| {cap} | {wall.TotalSeconds:0.00} | {wall.TotalMilliseconds / count:0} | {peak} | {results.Count(r => r.Status == IxBrowserProfileRunStatus.Succeeded)}/{count} | {simulator.RunningBrowserCount} |");
        }
    }

    private static void Row(string name, List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        Console.WriteLine($"| {name} | {sorted[sorted.Count / 2]:0} | {sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(sorted.Count * 0.9) - 1)]:0} | {sorted[^1]:0} |");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
