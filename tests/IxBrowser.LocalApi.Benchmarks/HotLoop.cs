using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Benchmarks.Contenders;
using IxBrowser.LocalApi.Benchmarks.Server;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --hot ours|theirs|ours-extraction|theirs-extraction`: 15 s of proxy-update (or extraction) calls in memory by one client,
/// nothing else, for a CPU profiler to sample (see README.md, "Where the time goes"). Prints the calls made.
/// </summary>
internal static class HotLoop
{
    public static async Task RunAsync(string contender)
    {
        if (contender is not ("ours" or "theirs" or "ours-extraction" or "theirs-extraction"))
        {
            throw new ArgumentException($"--hot takes ours, theirs, ours-extraction or theirs-extraction, not \"{contender}\".", nameof(contender));
        }

        using var http = new HttpClient(new CannedEnvelopeHandler());
        var address = IxBrowserClient.DefaultBaseAddress;
        var ours = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = address, MaxConcurrentRequests = 1, MaxRetryAttempts = 0 });
        var theirs = new NewtonsoftHandWritten(http, address);
        var (request, body) = (Requests.Ours(), Requests.Newtonsoft());
        var (extraction, extractionBody) = (Requests.OursExtraction(), Requests.NewtonsoftExtraction());
        var calls = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            for (var i = 0; i < 1000; i++, calls++)
            {
                var call = contender switch
                {
                    "ours" => ours.UpdateProxyAsync(request),
                    "theirs" => theirs.UpdateProxyAsync(body),
                    "ours-extraction" => ours.UpdateProfileProxyForApiExtractionAsync(extraction),
                    _ => (Task)theirs.UpdateExtractionAsync(extractionBody),
                };
                await call;
            }
        }

        Console.WriteLine($"{contender}: {calls} calls in {clock.Elapsed.TotalSeconds:0.0} s, {clock.Elapsed.TotalMilliseconds * 1000 / calls:0.00} us a call");
    }
}
