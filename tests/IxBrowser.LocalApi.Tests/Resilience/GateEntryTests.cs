using System;
using System.Diagnostics;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Resilience;

/// <summary>
/// Entering the gate (IxBrowserGate.EnterAsync): its slow way, waiting for the pace while holding the
/// slot, gives the slot back however the wait ends, and keeps the pace.
/// </summary>
public class GateEntryTests
{
    private static LocalApiServer Server(double perSecond, HttpMessageHandler? handler = null) =>
        new LocalApiServer(configure: o => (o.MaxConcurrentRequests, o.MaxRequestsPerSecond, o.ShareGate, o.MaxRetryAttempts) = (1, perSecond, false, 0), handler: handler).AnswerSuccess();

    [Fact]
    public async Task A_call_cancelled_while_it_waits_for_the_pace_gives_its_slot_back()
    {
        // One call every 3 s: the first takes the pace's permit (its answer may take a second while the
        // server warms up), and the next has to wait for the rest of the 3 s.
        using var api = Server(perSecond: 1.0 / 3);
        await api.Client.UpdateProxyAsync(Requests.ProxyUpdateDocsExample());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Client.UpdateProxyAsync(Requests.ProxyUpdateDocsExample(), cancel.Token));
        var cancelledAfter = clock.Elapsed;

        // With the slot kept by the cancelled call, this one would wait forever.
        await api.Client.UpdateProxyAsync(Requests.ProxyUpdateDocsExample()).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(cancelledAfter < TimeSpan.FromMilliseconds(1000), $"the cancelled wait ended after {cancelledAfter.TotalMilliseconds:0} ms");
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task Calls_that_find_the_pace_taken_wait_for_it_in_turn_whether_or_not_the_slot_is_free()
    {
        // Send times are taken where the client hands the request over, not where the server stamps
        // its arrival: on a loaded machine a request can reach the server late (CI once saw two
        // arrivals 2 ms apart from permits 500 ms apart). The pace spaces permits; a call whose
        // continuation starts late (a cold thread pool on a loaded machine) sends late, and the next
        // one, on time, close behind it: CI saw 3 ms, a lone run after a build 43 ms. So the pool is
        // kept warm while this test measures.
        using var warm = WarmThreadPool.Hold();
        var sendTimes = new SendTimes();
        using var api = Server(perSecond: 2, sendTimes);
        await api.Client.UpdateProxyAsync(Requests.ProxyUpdateDocsExample()); // warms the server up: its first answer is slow
        await Task.Delay(600);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 2; i++)
        {
            // One after another: each finds the slot free and the pace taken (the quick way falls back to waiting).
            await api.Client.UpdateProxyAsync(Requests.ProxyUpdateDocsExample());
        }

        // Together: all but one wait for the slot first, then for the pace.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => api.Client.UpdateProxyAsync(Requests.ProxyUpdateDocsExample())));

        // Five calls at 2 a second: the first at once, the others 0.5 s apart.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(10));
        Assert.Equal(6, api.Requests.Count);
        var sent = sendTimes.All.Skip(1).ToList();
        Assert.All(sent.Zip(sent.Skip(1), (a, b) => b - a), gap => Assert.True(gap > TimeSpan.FromMilliseconds(400), $"two calls went out {gap.TotalMilliseconds:0} ms apart; sent at (ms) {string.Join(", ", sendTimes.All.Select(t => t.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}; server saw {string.Join(", ", api.Requests.Select(r => r.RequestMessage!.Path))}"));
    }

    /// <summary>Records when each request leaves the client.</summary>
    private sealed class SendTimes() : DelegatingHandler(new HttpClientHandler())
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> _times = new();

        public IReadOnlyList<TimeSpan> All => _times.OrderBy(t => t).ToList();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _times.Enqueue(_clock.Elapsed);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
