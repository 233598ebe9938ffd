using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using IxBrowser.LocalApi.Benchmarks.Contenders;

namespace IxBrowser.LocalApi.Benchmarks.Benchmarks;

/// <summary>The documented failure (2002) turned into each contender's exception.</summary>
[MemoryDiagnoser]
public class FailurePathBenchmarks
{
    private ClientFixture _fixture = null!;
    private UpdateProxyRequest _ours = null!;
    private NewtonsoftHandWritten.ProxyUpdateBody _newtonsoft = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new ClientFixture(failing: true);
        _ours = Requests.Ours();
        _newtonsoft = Requests.Newtonsoft();
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Description = "a) IxBrowserClient -> IxBrowserApiException")]
    public async Task<int> OursFailure()
    {
        try
        {
            await _fixture.Ours.UpdateProxyAsync(_ours);
            return 0;
        }
        catch (IxBrowserApiException e)
        {
            return e.Code;
        }
    }

    [Benchmark(Baseline = true, Description = "b) HttpClient+Newtonsoft -> exception")]
    public async Task<int> NewtonsoftFailure()
    {
        try
        {
            await _fixture.Newtonsoft.UpdateProxyAsync(_newtonsoft);
            return 0;
        }
        catch (HandWrittenApiException e)
        {
            return e.Code;
        }
    }
}
