using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IxBrowser.LocalApi.Tests.Errors;

public class TransportTests
{
    [Fact]
    public async Task Nothing_listening_says_ixBrowser_must_be_running()
    {
        var closedPort = FreeLoopbackPort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{closedPort}/") };
        var client = new IxBrowserClient(http);

        var error = await Assert.ThrowsAsync<IxBrowserConnectionException>(() => client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Equal($"http://127.0.0.1:{closedPort}/", error.BaseAddress.ToString());
        Assert.Contains($"not reachable at http://127.0.0.1:{closedPort}/", error.Message, StringComparison.Ordinal);
        Assert.Contains("ixBrowser must be running and logged in", error.Message, StringComparison.Ordinal);
        Assert.Equal("UpdateProxy", error.Operation);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_gives_a_timeout_exception()
    {
        using var api = new LocalApiServer(timeout: TimeSpan.FromMilliseconds(300))
            .Answer(LocalApiServer.ProxyUpdatePath, Envelopes.ProxyUpdateSuccess, delay: TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<IxBrowserTimeoutException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        Assert.StartsWith("UpdateProxy timed out: the ixBrowser local API did not answer within 0.3 s. ixBrowser may be busy; try again, or raise the timeout. (1 attempt in ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_an_OperationCanceledException()
    {
        using var api = new LocalApiServer()
            .Answer(LocalApiServer.ProxyUpdatePath, Envelopes.ProxyUpdateSuccess, delay: TimeSpan.FromSeconds(10));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }, cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        using var api = new LocalApiServer().AnswerSuccess();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }, new CancellationToken(canceled: true)));

        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_connection_broken_mid_answer_is_a_connection_exception()
    {
        using var api = new LocalApiServer();
        api.Server.Given(Request.Create().WithPath(LocalApiServer.ProxyUpdatePath).UsingPost())
            .RespondWith(Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));

        var error = await Assert.ThrowsAnyAsync<IxBrowserException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.True(error is IxBrowserConnectionException or IxBrowserProtocolException, error.GetType().Name + ": " + error.Message);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
