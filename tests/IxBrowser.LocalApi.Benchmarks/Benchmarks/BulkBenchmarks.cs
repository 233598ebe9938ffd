using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IxBrowser.LocalApi.Benchmarks.Contenders;

namespace IxBrowser.LocalApi.Benchmarks.Benchmarks;

/// <summary>10,000 proxy updates, one worker or eight; our client's limit is set to the worker count.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 5, iterationCount: 10)]
public class BulkBenchmarks
{
    private const int Updates = 10_000;
    private ClientFixture _fixture = null!;

    [Params(1, 8)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup() => _fixture = new ClientFixture(maxConcurrentRequests: Concurrency);

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Description = "a) IxBrowserClient", OperationsPerInvoke = Updates)]
    public Task Ours() => Run(i => _fixture.Ours.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, ProxyPort = (1000 + (i % 60000)).ToString(System.Globalization.CultureInfo.InvariantCulture) }));

    [Benchmark(Baseline = true, Description = "b) HttpClient+Newtonsoft", OperationsPerInvoke = Updates)]
    public Task Newtonsoft() => Run(i => _fixture.Newtonsoft.UpdateProxyAsync(new NewtonsoftHandWritten.ProxyUpdateBody { Id = 24330, ProxyPort = (1000 + (i % 60000)).ToString(System.Globalization.CultureInfo.InvariantCulture) }));

    private Task Run(System.Func<int, Task> update)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Updates)
            {
                await update(i).ConfigureAwait(false);
            }
        }));
    }
}
