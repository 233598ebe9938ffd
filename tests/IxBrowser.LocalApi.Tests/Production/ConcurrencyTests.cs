using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Production;

/// <summary>
/// The desktop app answers 1010 when writes overlap. The probe server does the same whenever more than
/// the allowed number of requests is in flight.
/// </summary>
public class ConcurrencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_thousand_parallel_updates_never_exceed_the_limit_and_never_provoke_1010(int limit)
    {
        using var api = new LocalApiServer(configure: o => { o.MaxConcurrentRequests = limit; o.MaxRetryAttempts = 0; });
        var probe = new ConcurrencyProbe();
        probe.Install(api.Server, LocalApiServer.ProxyUpdatePath, limit, Envelopes.ProxyUpdateSuccess);

        var results = await Task.WhenAll(Enumerable.Range(1, 1000).Select(i => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = i, Note = "n" + i })));

        Assert.Equal(1000, results.Length);
        Assert.Equal(0, probe.Throttled);
        Assert.InRange(probe.MaxInFlight, 1, limit);
        Assert.Equal(1000, api.Requests.Count);
    }

    [Fact]
    public async Task Without_the_clients_limit_the_same_load_is_throttled()
    {
        // Proves the probe can fail: plain HttpClient calls with no limiter overlap and get 1010s.
        using var api = new LocalApiServer();
        var probe = new ConcurrencyProbe();
        probe.Install(api.Server, LocalApiServer.ProxyUpdatePath, 1, Envelopes.ProxyUpdateSuccess);
        using var http = new HttpClient();

        await Task.WhenAll(Enumerable.Range(1, 200).Select(i =>
            http.PostAsync(api.Server.Url + LocalApiServer.ProxyUpdatePath, new StringContent("{\"id\":" + i + "}", Encoding.UTF8, "application/json"))));

        Assert.True(probe.MaxInFlight > 1, $"max in flight {probe.MaxInFlight}");
        Assert.True(probe.Throttled > 0);
    }

    [Fact]
    public async Task Waiting_for_a_slot_does_not_count_towards_the_timeout()
    {
        // 400 calls of at least 2 ms each queue behind one slot for over 800 ms in total; a 500 ms
        // per-attempt timeout would fire for the last ones if queueing time counted. (A correctness
        // property, not a timing target: the margin is in the right direction on any machine.)
        using var api = new LocalApiServer(configure: o => { o.Timeout = TimeSpan.FromMilliseconds(500); o.MaxRetryAttempts = 0; });
        var probe = new ConcurrencyProbe();
        probe.Install(api.Server, LocalApiServer.ProxyUpdatePath, 1, Envelopes.ProxyUpdateSuccess);

        var results = await Task.WhenAll(Enumerable.Range(1, 400).Select(i => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = i })));

        Assert.Equal(400, results.Length);
    }
}
