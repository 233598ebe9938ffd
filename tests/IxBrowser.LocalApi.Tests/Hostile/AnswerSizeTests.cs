using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Hostile;

/// <summary>Answers are bounded in size and in time, whether or not the server says how long they are.</summary>
public class AnswerSizeTests
{
    private const int Limit = 4096;

    [Fact]
    public async Task A_declared_length_above_the_limit_is_refused_before_reading_it()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, "200 OK", "Content-Type: application/json", "Content-Length: 1000000000");
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 65536));
            for (var i = 0; i < 100 && !stop.IsCancellationRequested; i++)
            {
                await stream.WriteAsync(chunk, stop);
            }
        });
        var client = Client(server.BaseAddress);

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => client.DeleteProxyAsync(new DeleteProxyRequest { Id = 1 }));

        Assert.Contains("a body of 1000000000 bytes, above the limit of 4096 bytes (IxBrowserClientOptions.MaxResponseBytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task An_endless_chunked_answer_stops_at_the_limit()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, "200 OK", "Content-Type: application/json", "Transfer-Encoding: chunked");
            var chunk = Encoding.ASCII.GetBytes("400\r\n" + new string('x', 1024) + "\r\n");
            while (!stop.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, stop);
            }
        });
        var client = Client(server.BaseAddress);

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => client.DeleteProxyAsync(new DeleteProxyRequest { Id = 1 }));

        Assert.Contains("with a body of more than that, above the limit of 4096 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_at_the_limit_is_read()
    {
        var envelope = """{"error":{"code":0,"message":"success","time":1},"data":1}""";
        var padded = envelope.PadRight(Limit);
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, "200 OK", "Content-Type: application/json", $"Content-Length: {padded.Length}", "Connection: close");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(padded), stop);
        });

        var response = await Client(server.BaseAddress).DeleteProxyAsync(new DeleteProxyRequest { Id = 1 });

        Assert.Equal(1, response.Data);
    }

    [Fact]
    public async Task A_body_that_never_ends_is_cut_by_the_timeout()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, "200 OK", "Content-Type: application/json", "Content-Length: 100");
            await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"error\":"), stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        var client = Client(server.BaseAddress, o => o.Timeout = TimeSpan.FromMilliseconds(300));

        // Bounded, so that a client that ignores the timeout fails here instead of hanging the run.
        var error = await Assert.ThrowsAsync<IxBrowserTimeoutException>(() => client.DeleteProxyAsync(new DeleteProxyRequest { Id = 1 }).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
    }

    [Fact]
    public async Task A_body_that_never_ends_honours_cancellation()
    {
        using var server = new RawHttpServer(async (stream, stop) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, "200 OK", "Content-Type: application/json", "Content-Length: 100");
            await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"error\":"), stop);
            await Task.Delay(Timeout.Infinite, stop);
        });
        var client = Client(server.BaseAddress, o => o.Timeout = Timeout.InfiniteTimeSpan);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.DeleteProxyAsync(new DeleteProxyRequest { Id = 1 }, cancel.Token).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.IsNotType<TimeoutException>(error);
    }

    [Fact]
    public async Task Https_to_a_plain_http_server_says_nothing_was_sent_and_is_not_retried()
    {
        using var api = new LocalApiServer().AnswerSuccess();
        var https = new UriBuilder(api.Server.Url!) { Scheme = "https" }.Uri;
        IxBrowserClient.ResetSharedGate(https);
        using var http = new HttpClient();
        var client = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = https, RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

        var error = await Assert.ThrowsAsync<IxBrowserConnectionException>(() => client.DeleteProxyAsync(new DeleteProxyRequest { Id = 1 }));

        Assert.Contains("TLS handshake", error.Message, StringComparison.Ordinal);
        Assert.Contains("so nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("may or may not", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Attempts);
    }

    private static IxBrowserClient Client(Uri address, Action<IxBrowserClientOptions>? configure = null)
    {
        IxBrowserClient.ResetSharedGate(address);
        var options = new IxBrowserClientOptions { BaseAddress = address, MaxResponseBytes = Limit, MaxRetryAttempts = 0 };
        configure?.Invoke(options);
        return new IxBrowserClient(new HttpClient(), options);
    }
}
