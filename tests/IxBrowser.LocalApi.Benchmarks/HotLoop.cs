using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Benchmarks.Contenders;
using IxBrowser.LocalApi.Benchmarks.Server;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --hot ours|theirs`: 15 s of proxy-update calls in memory by one client,
/// nothing else, for a CPU profiler to sample (see README.md, "Where the time goes"). Prints the calls made.
/// </summary>
internal static class HotLoop
{
    public static async Task RunAsync(string contender)
    {
        if (contender is not ("ours" or "theirs"))
        {
            throw new ArgumentException($"--hot takes \"ours\" or \"theirs\", not \"{contender}\".", nameof(contender));
        }

        using var http = new HttpClient(new CannedEnvelopeHandler());
        var address = IxBrowserClient.DefaultBaseAddress;
        var ours = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = address, MaxConcurrentRequests = 1, MaxRetryAttempts = 0 });
        var theirs = new NewtonsoftHandWritten(http, address);
        var (request, body) = (Requests.Ours(), Requests.Newtonsoft());
        var calls = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            for (var i = 0; i < 1000; i++, calls++)
            {
                if (contender == "ours")
                {
                    await ours.UpdateProxyAsync(request);
                }
                else
                {
                    await theirs.UpdateProxyAsync(body);
                }
            }
        }

        Console.WriteLine($"{contender}: {calls} calls in {clock.Elapsed.TotalSeconds:0.0} s, {clock.Elapsed.TotalMilliseconds * 1000 / calls:0.00} us a call");
    }
}
