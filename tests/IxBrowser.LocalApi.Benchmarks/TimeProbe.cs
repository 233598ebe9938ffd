using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Benchmarks.Contenders;
using IxBrowser.LocalApi.Benchmarks.Server;
using Polly;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --time-probe`: microseconds per call of variants of the client, in
/// memory one call at a time and over Kestrel at concurrency 8, to find which part costs time. A diagnostic, not a
/// benchmark: BenchmarkDotNet's figures are the ones to quote.
/// </summary>
internal static class TimeProbe
{
    public static async Task RunAsync()
    {
        CpuOnly();
        using (var inMemory = new HttpClient(new CannedEnvelopeHandler()))
        {
            await Series("in memory, one call at a time (the client's own cost):", inMemory, IxBrowserClient.DefaultBaseAddress, workers: 1, calls: 200_000);
        }

        await using var server = await EnvelopeServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 });
        await Series("over Kestrel at concurrency 8:", http, server.BaseAddress, workers: 8, calls: 20_000);
    }

    /// <summary>Variants of the client, from the bare generated one to the full pipeline, each measured twice (the first round warms up).</summary>
    private static async Task Series(string title, HttpClient http, Uri address, int workers, int calls)
    {
        var request = Requests.Ours();
        IxBrowserClient Client(Action<IxBrowserClientOptions> configure)
        {
            var options = new IxBrowserClientOptions { BaseAddress = address, MaxConcurrentRequests = workers, MaxRetryAttempts = 0 };
            configure(options);
            return new IxBrowserClient(http, options);
        }

        var newtonsoft = new NewtonsoftHandWritten(http, address);
        var body = Requests.Newtonsoft();
        var full = Client(_ => { });
        var noTimeout = Client(o => o.Timeout = Timeout.InfiniteTimeSpan);
        var retries = Client(o => o.MaxRetryAttempts = 3);
        for (var round = 0; round < 2; round++)
        {
            Console.WriteLine(title);
            await Measure("b) hand-written Newtonsoft", () => newtonsoft.UpdateProxyAsync(body), workers, calls);
            await Measure("IxBrowserClient, no timeout", () => noTimeout.UpdateProxyAsync(request), workers, calls);
            await Measure("IxBrowserClient (limiter+timeout)", () => full.UpdateProxyAsync(request), workers, calls);
            await Measure("IxBrowserClient + retry", () => retries.UpdateProxyAsync(request), workers, calls);
        }
    }

    /// <summary>CPU-only pieces of a call, to compare our serialization and validation with the hand-written code's.</summary>
    private static void CpuOnly()
    {
        var ours = Requests.OursExtraction();
        var theirs = Requests.NewtonsoftExtraction();
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
        Time("serialize extraction, WireJson (the client's)", () => IxBrowser.LocalApi.Serialization.WireJson.Serialize(ours));
        var proxyUpdate = Requests.Ours();
        var proxyUpdateTheirs = Requests.Newtonsoft();
        Time("serialize proxy-update, WireJson (the client's)", () => IxBrowser.LocalApi.Serialization.WireJson.Serialize(proxyUpdate));
        Time("serialize proxy-update, hand-written", () => Serialize(proxyUpdateTheirs));
        var wire = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore, ContractResolver = new IxBrowser.LocalApi.Serialization.WireContractResolver() });
        Time("serialize extraction, ours + wire enums", () => { var w = new System.IO.StringWriter(); wire.Serialize(w, ours); _ = w.ToString(); });
        const string Envelope = """{"error":{"code":0,"message":"success","time":1693464163},"data":1}""";
        var client = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings { DateParseHandling = Newtonsoft.Json.DateParseHandling.None, MaxDepth = 32, ContractResolver = new IxBrowser.LocalApi.Serialization.WireContractResolver(), Converters = { new IxBrowser.LocalApi.Serialization.IxBrowserResponseJsonConverter() } });
        Time("deserialize envelope, ours", () => client.Deserialize<IxBrowserResponse<int>>(new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(Envelope))));
        Time("deserialize envelope, hand-written", () => serializer.Deserialize<NewtonsoftHandWritten.Envelope>(new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(Envelope))));
        Time("validate extraction request", () => IxBrowser.LocalApi.Validation.RequestValidator.Validate(ours, IxBrowserOperations.UpdateProfileProxyForApiExtraction, typeof(UpdateProfileProxyForApiExtractionRequest)));
        var urlPattern = new System.Text.RegularExpressions.Regex(@"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+\S*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        Time("  the URL pattern alone", () => urlPattern.IsMatch(Requests.ExtractionUrl));
        Time("  the walk that writes messages (only on a failure): reading the properties", () =>
        {
            foreach (var property in IxBrowser.LocalApi.Internal.WireModel.Of(typeof(ApiExtractionProxyInfo)))
            {
                property.GetValue(ours.ProxyInfo);
            }
        });
        Time("  the walk that writes messages (only on a failure): its checks", () =>
        {
            foreach (var property in IxBrowser.LocalApi.Internal.WireModel.Of(typeof(ApiExtractionProxyInfo)))
            {
                if (property.IsChecked && property.GetValue(ours.ProxyInfo) is { } value)
                {
                    _ = property.EnumType is not null && property.IsDefinedMember(value);
                    _ = property.Pattern is { } pattern && value is string text && pattern.Regex.IsMatch(text);
                }
            }
        });
        Pieces(Time);
        Time("validate proxy-update request", () => IxBrowser.LocalApi.Validation.RequestValidator.Validate(Requests.Ours(), IxBrowserOperations.UpdateProxy, typeof(UpdateProxyRequest)));
    }

    /// <summary>The pipeline's pieces one by one, each on a call that completes at once.</summary>
    private static void Pieces(Action<string, Action> time)
    {
        var pace = new AdaptiveRateLimiter(null);
        time("pace: permit + success (unlimited)", () =>
        {
            pace.TryAcquireNow(out var grantedAt);
            pace.OnSuccess(grantedAt);
        });
        var slots = new System.Threading.RateLimiting.ConcurrencyLimiter(new() { PermitLimit = 1, QueueLimit = int.MaxValue });
        time("concurrency slot, ConcurrencyLimiter (before 2026-12-01): take + release", () => slots.AttemptAcquire().Dispose());
        var semaphore = new SemaphoreSlim(1, 1);
        time("concurrency slot, SemaphoreSlim (the gate's now): take + release", () =>
        {
            semaphore.Wait(0, CancellationToken.None);
            semaphore.Release();
        });
        var done = Polly.Outcome.FromResult(1);
        void Pipeline(string name, Action<Polly.ResiliencePipelineBuilder> add)
        {
            var builder = new Polly.ResiliencePipelineBuilder();
            add(builder);
            var pipeline = builder.Build();
            time(name, () =>
            {
                var context = Polly.ResilienceContextPool.Shared.Get(CancellationToken.None);
                var run = pipeline.ExecuteOutcomeAsync(static (_, o) => new ValueTask<Polly.Outcome<int>>(o), context, done);
                if (!run.IsCompleted)
                {
                    throw new InvalidOperationException("a pipeline of completed calls should complete at once");
                }

                _ = run.Result;
                Polly.ResilienceContextPool.Shared.Return(context);
            });
        }

        Pipeline("polly: empty pipeline", _ => { });
        Pipeline("polly: retry", b => b.AddRetry(new Polly.Retry.RetryStrategyOptions { ShouldHandle = _ => new ValueTask<bool>(false) }));
        Pipeline("polly: timeout", b => b.AddTimeout(TimeSpan.FromSeconds(30)));
        Pipeline("polly: retry + timeout", b => b.AddRetry(new Polly.Retry.RetryStrategyOptions { ShouldHandle = _ => new ValueTask<bool>(false) }).AddTimeout(TimeSpan.FromSeconds(30)));
        time("linked CTS + CancelAfter + dispose", () =>
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None);
            cts.CancelAfter(TimeSpan.FromSeconds(30));
        });
        var uri = new Uri("http://127.0.0.1:53200/api/v2/proxy-update");
        time("request message + guarded content", () =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, uri);
            message.Content = IxBrowser.LocalApi.Serialization.WireJson.CreateContent(Requests.Ours(), message, uri);
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
        });
        time("request message + string content (hand-written)", () =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, uri);
            message.Content = new StringContent(Newtonsoft.Json.JsonConvert.SerializeObject(Requests.Newtonsoft()), System.Text.Encoding.UTF8, "application/json");
        });
    }

    private static async Task Measure<T>(string name, Func<Task<T>> call, int workers, int calls)
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
