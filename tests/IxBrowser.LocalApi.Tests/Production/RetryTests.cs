using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using IxBrowser.LocalApi.Tests.Support;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IxBrowser.LocalApi.Tests.Production;

public class RetryTests
{
    [Theory]
    [InlineData(IxBrowserErrorCodes.OperationTooFast)]
    [InlineData(IxBrowserErrorCodes.SystemError)]
    public async Task A_transient_error_then_success_succeeds(int transientCode)
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.FailNext(1, transientCode);
        var client = simulator.CreateClient(LocalApiServer.FastRetries);

        var response = await client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "n" });

        Assert.Equal(1, response.Data);
        Assert.Equal("n", simulator.GetProxy(24330)!.Note);
        Assert.Equal(2, simulator.ReceivedRequests.Count);
        Assert.All(simulator.ReceivedRequests, r => Assert.Equal("""{"id":24330,"note":"n"}""", r.RawBody));
    }

    [Fact]
    public async Task Retries_after_a_system_error_are_bounded_by_count_and_the_last_error_is_thrown()
    {
        using var api = new LocalApiServer(configure: o => { LocalApiServer.FastRetries(o); o.MaxRetryAttempts = 2; })
            .Answer(LocalApiServer.ProxyUpdatePath, Envelopes.Error(1004));

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Equal(1004, error.Code);
        Assert.Equal(3, api.Requests.Count);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("ixBrowser reported a system error on every attempt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_fast_is_retried_by_patience_not_by_count_and_then_says_what_to_do()
    {
        // A server that refuses everything: the gate slows to its floor of one request a second, so
        // three seconds of patience hold three or four attempts, more than the one counted retry allows.
        using var api = new LocalApiServer(configure: o => { LocalApiServer.FastRetries(o); o.MaxRetryAttempts = 1; o.TooFastPatience = TimeSpan.FromSeconds(3); })
            .Answer(LocalApiServer.ProxyUpdatePath, Envelopes.Error(1010));

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330 }));

        Assert.Equal(1010, error.Code);
        Assert.True(api.Requests.Count > 2, $"{api.Requests.Count} requests: 1010 must not burn the counted retry");
        Assert.Equal(api.Requests.Count, error.Attempts);
        Assert.True(error.Elapsed >= TimeSpan.FromSeconds(3), $"gave up after {error.Elapsed}, before its patience");
        Assert.StartsWith("UpdateProxy failed for proxy 24330: ixBrowser answered with error 1010", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRequestsPerSecond", error.Message, StringComparison.Ordinal);
        Assert.Contains("TooFastPatience", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IxBrowserErrorCodes.ProxyNotFound)]
    [InlineData(IxBrowserErrorCodes.MissingRequiredParameters)]
    [InlineData(IxBrowserErrorCodes.PermissionsRestricted)]
    public async Task A_permanent_error_is_not_retried(int code)
    {
        using var api = new LocalApiServer(configure: LocalApiServer.FastRetries).Answer(LocalApiServer.ProxyUpdatePath, Envelopes.Error(code));

        await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task A_protocol_error_is_not_retried()
    {
        using var api = new LocalApiServer(configure: LocalApiServer.FastRetries).Answer(LocalApiServer.ProxyUpdatePath, "<html/>", 500, "text/html");

        await Assert.ThrowsAsync<IxBrowserProtocolException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var port = FreeLoopbackPort();
        using var http = new HttpClient();
        var options = new IxBrowserClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}"), MaxRetryAttempts = 2 };
        LocalApiServer.FastRetries(options);
        var client = new IxBrowserClient(http, options, factory.CreateLogger<IxBrowserClient>());

        var error = await Assert.ThrowsAsync<IxBrowserConnectionException>(() => client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Contains("ixBrowser must be running and logged in", error.Message, StringComparison.Ordinal);
        var failed = Assert.Single(logs.Named("CallFailed"));
        Assert.Equal(3, failed.State["Attempts"]);
        Assert.Equal(2, logs.Named("Retrying").Count);
    }

    [Fact]
    public async Task A_timeout_is_a_distinct_exception_naming_the_timeout_and_operation_and_is_not_retried()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var api = new LocalApiServer(configure: o => { LocalApiServer.FastRetries(o); o.Timeout = TimeSpan.FromMilliseconds(200); }, logger: factory.CreateLogger<IxBrowserClient>())
            .Answer(LocalApiServer.ExtractionPath, Envelopes.ExtractionSuccess, delay: TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<IxBrowserTimeoutException>(() => api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction()));

        Assert.Equal(TimeSpan.FromMilliseconds(200), error.Timeout);
        Assert.Equal("UpdateProfileProxyForApiExtraction", error.Operation);
        Assert.StartsWith("UpdateProfileProxyForApiExtraction timed out: the ixBrowser local API did not answer within 0.2 s.", error.Message, StringComparison.Ordinal);
        Assert.Empty(logs.Named("Retrying"));
        Assert.Equal(1, Assert.Single(logs.Named("CallFailed")).State["Attempts"]);
    }

    [Fact]
    public async Task Cancellation_during_a_retry_delay_ends_the_call_with_OperationCanceledException()
    {
        using var api = new LocalApiServer(configure: o => { o.RetryBaseDelay = TimeSpan.FromSeconds(30); o.MaxRetryDelay = TimeSpan.FromSeconds(30); })
            .Answer(LocalApiServer.ProxyUpdatePath, Envelopes.Error(1010));
        using var cancellation = new CancellationTokenSource();

        var call = api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }, cancellation.Token);
        while (api.Requests.Count == 0)
        {
            await Task.Delay(10);
        }

        cancellation.Cancel();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Retries_can_be_turned_off()
    {
        using var api = new LocalApiServer(configure: o => o.MaxRetryAttempts = 0).Answer(LocalApiServer.ProxyUpdatePath, Envelopes.Error(1010));

        await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Single(api.Requests);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
