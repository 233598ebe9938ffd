using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Benchmarks.Contenders;
using IxBrowser.LocalApi.Benchmarks.Server;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --ratio`: our client's time per call over the hand-written client's, in
/// memory, as the medians of interleaved rounds. A diagnostic for this noisy shared machine, where
/// one BenchmarkDotNet run can move by 10 %: each round runs both clients back to back, so a slow
/// stretch of the machine slows both. BenchmarkDotNet's figures are the ones to quote.
/// </summary>
internal static class RatioProbe
{
    private const int Rounds = 41;
    private const int CallsPerRound = 10_000;

    public static async Task RunAsync()
    {
        using var http = new HttpClient(new CannedEnvelopeHandler());
        var address = IxBrowserClient.DefaultBaseAddress;
        var ours = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = address, MaxConcurrentRequests = 1, MaxRetryAttempts = 0 });
        var oursWithRetries = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = address, MaxConcurrentRequests = 1, ShareGate = false });
        var theirs = new NewtonsoftHandWritten(http, address);
        var (request, extraction) = (Requests.Ours(), Requests.OursExtraction());
        var (body, extractionBody) = (Requests.Newtonsoft(), Requests.NewtonsoftExtraction());
        var contenders = new (string Name, Func<Task> Call)[]
        {
            ("proxy-update, hand-written", () => theirs.UpdateProxyAsync(body)),
            ("proxy-update, ours", () => ours.UpdateProxyAsync(request)),
            ("proxy-update, ours with retries", () => oursWithRetries.UpdateProxyAsync(request)),
            ("extraction, hand-written", () => theirs.UpdateExtractionAsync(extractionBody)),
            ("extraction, ours", () => ours.UpdateProfileProxyForApiExtractionAsync(extraction)),
        };
        var times = contenders.ToDictionary(c => c.Name, _ => new List<double>());
        for (var round = 0; round <= Rounds; round++)
        {
            foreach (var (name, call) in contenders)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < CallsPerRound; i++)
                {
                    await call();
                }

                // Round 0 warms up.
                if (round > 0)
                {
                    times[name].Add(clock.Elapsed.TotalMilliseconds * 1000 / CallsPerRound);
                }
            }
        }

        double Median(string name) => times[name].OrderBy(t => t).ElementAt(Rounds / 2);
        Console.WriteLine($"| contender | median us/call ({Rounds} rounds of {CallsPerRound}) | min | max |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, _) in contenders)
        {
            Console.WriteLine($"| {name} | {Median(name):0.00} | {times[name].Min():0.00} | {times[name].Max():0.00} |");
        }

        // Each round's own ratio: both clients ran within milliseconds of each other, on the same machine state.
        string Ratio(string ours, string theirs)
        {
            var ratios = times[ours].Zip(times[theirs], (a, b) => a / b).OrderBy(r => r).ToList();
            return $"{ratios[ratios.Count / 2]:0.00} (quartiles {ratios[ratios.Count / 4]:0.00}-{ratios[ratios.Count * 3 / 4]:0.00})";
        }

        Console.WriteLine($"median of the rounds' ratios, ours/hand-written: proxy-update {Ratio("proxy-update, ours", "proxy-update, hand-written")}, with retries {Ratio("proxy-update, ours with retries", "proxy-update, hand-written")}; extraction {Ratio("extraction, ours", "extraction, hand-written")}");
    }
}
