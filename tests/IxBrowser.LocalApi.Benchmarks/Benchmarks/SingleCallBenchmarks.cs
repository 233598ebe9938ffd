using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using IxBrowser.LocalApi.Benchmarks.Contenders;

namespace IxBrowser.LocalApi.Benchmarks.Benchmarks;

/// <summary>One call at a time, success path, both operations; (b) hand-written Newtonsoft is the baseline.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SingleCallBenchmarks
{
    private ClientFixture _fixture = null!;
    private UpdateProxyRequest _ours = null!;
    private UpdateProfileProxyForApiExtractionRequest _oursExtraction = null!;
    private NewtonsoftHandWritten.ProxyUpdateBody _newtonsoft = null!;
    private NewtonsoftHandWritten.ExtractionBody _newtonsoftExtraction = null!;
    private StjProxyUpdateBody _stj = null!;
    private StjExtractionBody _stjExtraction = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = CreateFixture();
        _ours = Requests.Ours();
        _oursExtraction = Requests.OursExtraction();
        _newtonsoft = Requests.Newtonsoft();
        _newtonsoftExtraction = Requests.NewtonsoftExtraction();
        _stj = Requests.Stj();
        _stjExtraction = Requests.StjExtraction();
    }

    /// <summary>Where the contenders send their calls: a Kestrel server on loopback.</summary>
    protected virtual ClientFixture CreateFixture() => new();

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Description = "a) IxBrowserClient"), BenchmarkCategory("proxy-update")]
    public Task<IxBrowserResponse<int>> OursUpdateProxy() => _fixture.Ours.UpdateProxyAsync(_ours);

    [Benchmark(Baseline = true, Description = "b) HttpClient+Newtonsoft"), BenchmarkCategory("proxy-update")]
    public Task<NewtonsoftHandWritten.Envelope> NewtonsoftUpdateProxy() => _fixture.Newtonsoft.UpdateProxyAsync(_newtonsoft);

    [Benchmark(Description = "c) HttpClient+STJ source-gen"), BenchmarkCategory("proxy-update")]
    public Task<StjEnvelope> StjUpdateProxy() => _fixture.Stj.UpdateProxyAsync(_stj);

    [Benchmark(Description = "d) Refit"), BenchmarkCategory("proxy-update")]
    public Task<StjEnvelope> RefitUpdateProxy() => _fixture.Refit.UpdateProxyAsync(_stj);

    [Benchmark(Description = "a) IxBrowserClient"), BenchmarkCategory("api-extraction")]
    public Task<IxBrowserResponse<string>> OursExtraction() => _fixture.Ours.UpdateProfileProxyForApiExtractionAsync(_oursExtraction);

    [Benchmark(Baseline = true, Description = "b) HttpClient+Newtonsoft"), BenchmarkCategory("api-extraction")]
    public Task<NewtonsoftHandWritten.Envelope> NewtonsoftExtraction() => _fixture.Newtonsoft.UpdateExtractionAsync(_newtonsoftExtraction);

    [Benchmark(Description = "c) HttpClient+STJ source-gen"), BenchmarkCategory("api-extraction")]
    public Task<StjEnvelope> StjExtraction() => _fixture.Stj.UpdateExtractionAsync(_stjExtraction);

    [Benchmark(Description = "d) Refit"), BenchmarkCategory("api-extraction")]
    public Task<StjEnvelope> RefitExtraction() => _fixture.Refit.UpdateExtractionAsync(_stjExtraction);
}
