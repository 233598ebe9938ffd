using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using IxBrowser.LocalApi.Benchmarks.Contenders;
using IxBrowser.LocalApi.Benchmarks.Server;

namespace IxBrowser.LocalApi.Benchmarks.Benchmarks;

/// <summary>
/// The single-call benchmark without the network: every contender's HttpClient answers from
/// <see cref="CannedEnvelopeHandler"/>. A diagnostic beside the Kestrel figures: on this shared
/// 2-core machine a loopback round trip (~40 us, StdDev ~5 us) hides differences of 1-2 us, which
/// this run makes visible. Same requests, same envelope checks as <see cref="SingleCallBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientOverheadBenchmarks
{
    private static readonly Uri Address = new("http://127.0.0.1:53200/");
    private HttpClient _http = null!;
    private IxBrowserClient _ours = null!;
    private NewtonsoftHandWritten _newtonsoft = null!;
    private SystemTextJsonHandWritten _stj = null!;
    private RefitContender _refit = null!;
    private UpdateProxyRequest _oursBody = null!;
    private UpdateProfileProxyForApiExtractionRequest _oursExtraction = null!;
    private NewtonsoftHandWritten.ProxyUpdateBody _newtonsoftBody = null!;
    private NewtonsoftHandWritten.ExtractionBody _newtonsoftExtraction = null!;
    private StjProxyUpdateBody _stjBody = null!;
    private StjExtractionBody _stjExtraction = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CannedEnvelopeHandler()) { BaseAddress = Address };
        _ours = new IxBrowserClient(_http, new IxBrowserClientOptions { BaseAddress = Address, MaxConcurrentRequests = 1, MaxRetryAttempts = 0 });
        _newtonsoft = new NewtonsoftHandWritten(_http, Address);
        _stj = new SystemTextJsonHandWritten(_http, Address);
        _refit = new RefitContender(_http);
        _oursBody = Requests.Ours();
        _oursExtraction = Requests.OursExtraction();
        _newtonsoftBody = new NewtonsoftHandWritten.ProxyUpdateBody { Id = 24330, ProxyType = "socks5", ProxyIp = "127.0.0.2", ProxyPort = "57425", Note = "bench" };
        _newtonsoftExtraction = new NewtonsoftHandWritten.ExtractionBody { ProfileId = 161, ProxyInfo = { ProxyUrl = Requests.ExtractionUrl } };
        _stjBody = new StjProxyUpdateBody { Id = 24330, ProxyType = "socks5", ProxyIp = "127.0.0.2", ProxyPort = "57425", Note = "bench" };
        _stjExtraction = new StjExtractionBody { ProfileId = 161, ProxyInfo = { ProxyUrl = Requests.ExtractionUrl } };
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Description = "a) IxBrowserClient"), BenchmarkCategory("proxy-update")]
    public Task<IxBrowserResponse> OursUpdateProxy() => _ours.UpdateProxyAsync(_oursBody);

    [Benchmark(Baseline = true, Description = "b) HttpClient+Newtonsoft"), BenchmarkCategory("proxy-update")]
    public Task<NewtonsoftHandWritten.Envelope> NewtonsoftUpdateProxy() => _newtonsoft.UpdateProxyAsync(_newtonsoftBody);

    [Benchmark(Description = "c) HttpClient+STJ source-gen"), BenchmarkCategory("proxy-update")]
    public Task<StjEnvelope> StjUpdateProxy() => _stj.UpdateProxyAsync(_stjBody);

    [Benchmark(Description = "d) Refit"), BenchmarkCategory("proxy-update")]
    public Task<StjEnvelope> RefitUpdateProxy() => _refit.UpdateProxyAsync(_stjBody);

    [Benchmark(Description = "a) IxBrowserClient"), BenchmarkCategory("api-extraction")]
    public Task<IxBrowserResponse> OursExtraction() => _ours.UpdateProfileProxyForApiExtractionAsync(_oursExtraction);

    [Benchmark(Baseline = true, Description = "b) HttpClient+Newtonsoft"), BenchmarkCategory("api-extraction")]
    public Task<NewtonsoftHandWritten.Envelope> NewtonsoftExtraction() => _newtonsoft.UpdateExtractionAsync(_newtonsoftExtraction);

    [Benchmark(Description = "c) HttpClient+STJ source-gen"), BenchmarkCategory("api-extraction")]
    public Task<StjEnvelope> StjExtraction() => _stj.UpdateExtractionAsync(_stjExtraction);

    [Benchmark(Description = "d) Refit"), BenchmarkCategory("api-extraction")]
    public Task<StjEnvelope> RefitExtraction() => _refit.UpdateExtractionAsync(_stjExtraction);
}
