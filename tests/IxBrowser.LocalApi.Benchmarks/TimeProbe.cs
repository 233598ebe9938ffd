using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Benchmarks.Contenders;
using IxBrowser.LocalApi.Benchmarks.Server;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --time-probe`: microseconds per call of variants of the client at
/// concurrency 8, to find which part of the pipeline costs time under load. A diagnostic, not a
/// benchmark: BenchmarkDotNet's figures are the ones to quote.
/// </summary>
internal static class TimeProbe
{
    public static async Task RunAsync()
    {
        CpuOnly();
        await InMemory();
        await using var server = await EnvelopeServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 });
        var request = Requests.Ours();
        IxBrowserClient Client(Action<IxBrowserClientOptions> configure)
        {
            var options = new IxBrowserClientOptions { BaseAddress = server.BaseAddress, MaxConcurrentRequests = 8, MaxRetryAttempts = 0 };
            configure(options);
            return new IxBrowserClient(http, options);
        }

        var newtonsoft = new NewtonsoftHandWritten(http, server.BaseAddress);
        var body = new NewtonsoftHandWritten.ProxyUpdateBody { Id = 24330, ProxyType = "socks5", ProxyIp = "127.0.0.2", ProxyPort = "57425", Note = "bench" };
        var generated = new IxBrowserGeneratedClient(http) { BaseUrl = server.BaseAddress.AbsoluteUri, ReadResponseAsString = true };
        var full = Client(_ => { });
        var noTimeout = Client(o => o.Timeout = Timeout.InfiniteTimeSpan);
        var retries = Client(o => o.MaxRetryAttempts = 3);
        for (var round = 0; round < 2; round++)
        {
            await Measure("b) hand-written Newtonsoft", () => newtonsoft.UpdateProxyAsync(body));
            await Measure("generated client only", () => generated.UpdateProxyAsync(request));
            await Measure("IxBrowserClient, no timeout", () => noTimeout.UpdateProxyAsync(request));
            await Measure("IxBrowserClient (limiter+timeout)", () => full.UpdateProxyAsync(request));
            await Measure("IxBrowserClient + retry", () => retries.UpdateProxyAsync(request));
        }
    }

    /// <summary>The same variants, one call at a time, against <see cref="CannedEnvelopeHandler"/>: the client's own cost.</summary>
    private static async Task InMemory()
    {
        var address = new Uri("http://127.0.0.1:53200/");
        using var http = new HttpClient(new CannedEnvelopeHandler());
        var request = Requests.Ours();
        IxBrowserClient Client(Action<IxBrowserClientOptions> configure)
        {
            var options = new IxBrowserClientOptions { BaseAddress = address, MaxConcurrentRequests = 1, MaxRetryAttempts = 0 };
            configure(options);
            return new IxBrowserClient(http, options);
        }

        var newtonsoft = new NewtonsoftHandWritten(http, address);
        var body = new NewtonsoftHandWritten.ProxyUpdateBody { Id = 24330, ProxyType = "socks5", ProxyIp = "127.0.0.2", ProxyPort = "57425", Note = "bench" };
        var generated = new IxBrowserGeneratedClient(http) { BaseUrl = address.AbsoluteUri, ReadResponseAsString = true };
        var full = Client(_ => { });
        var noTimeout = Client(o => o.Timeout = Timeout.InfiniteTimeSpan);
        for (var round = 0; round < 2; round++)
        {
            Console.WriteLine("in memory, one call at a time:");
            await Measure("b) hand-written Newtonsoft", () => newtonsoft.UpdateProxyAsync(body), workers: 1, calls: 200_000);
            await Measure("generated client only", () => generated.UpdateProxyAsync(request), workers: 1, calls: 200_000);
            await Measure("IxBrowserClient, no timeout", () => noTimeout.UpdateProxyAsync(request), workers: 1, calls: 200_000);
            await Measure("IxBrowserClient (limiter+timeout)", () => full.UpdateProxyAsync(request), workers: 1, calls: 200_000);
        }
    }

    /// <summary>CPU-only pieces of a call, to compare our serialization and validation with the hand-written code's.</summary>
    private static void CpuOnly()
    {
        var ours = Requests.OursExtraction();
        var theirs = new NewtonsoftHandWritten.ExtractionBody { ProfileId = 161, ProxyInfo = { ProxyUrl = Requests.ExtractionUrl } };
        var serializer = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore });
        string Serialize(object body)
        {
            var writer = new System.IO.StringWriter();
            serializer.Serialize(writer, body);
            return writer.ToString();
        }

        void Time(string name, Action action)
        {
            for (var i = 0; i < 50_000; i++)
            {
                action();
            }

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 200_000; i++)
            {
                action();
            }

            Console.WriteLine($"{name,-36} {clock.Elapsed.TotalMilliseconds * 1000 / 200_000,6:0.00} us");
        }

        Time("serialize extraction, ours", () => Serialize(ours));
        Time("serialize extraction, hand-written", () => Serialize(theirs));
        var wire = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore, ContractResolver = new IxBrowser.LocalApi.Serialization.WireContractResolver() });
        Time("serialize extraction, ours + wire enums", () => { var w = new System.IO.StringWriter(); wire.Serialize(w, ours); _ = w.ToString(); });
        Time("validate extraction request", () => RequestValidator.Validate(ours));
        Time("validate proxy-update request", () => RequestValidator.Validate(Requests.Ours()));
    }

    private static async Task Measure<T>(string name, Func<Task<T>> call, int workers = 8, int calls = 20_000)
    {
        async Task Run(int count)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    await call();
                }
            }));
        }

        await Run(2_000);
        var clock = Stopwatch.StartNew();
        await Run(calls);
        Console.WriteLine($"{name,-36} {clock.Elapsed.TotalMilliseconds * 1000 / calls,6:0.00} us/call at concurrency {workers}");
    }
}
