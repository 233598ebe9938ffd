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
        // Five calls share one slot; each answer takes 1 s and the per-attempt timeout is 3 s. The
        // last call waits about 4 s for its slot: if waiting counted, it (and the fourth) would time
        // out. Each attempt itself has 2 s of slack, so a slow machine does not make this flaky.
        using var api = new LocalApiServer(configure: o => { o.Timeout = TimeSpan.FromSeconds(3); o.MaxRetryAttempts = 0; })
            .Answer(LocalApiServer.ProxyUpdatePath, Envelopes.ProxyUpdateSuccess, delay: TimeSpan.FromSeconds(1));

        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = i })));

        Assert.Equal(5, results.Length);
    }
}
