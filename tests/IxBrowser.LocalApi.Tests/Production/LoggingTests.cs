using System;
using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using Microsoft.Extensions.Logging;

namespace IxBrowser.LocalApi.Tests.Production;

public class LoggingTests
{
    private static readonly string[] Markers = { Requests.MarkerPassword, Requests.MarkerUser, Requests.MarkerUrl, "KEY-MARKER-93e1" };

    private static (LocalApiServer Api, CapturingLoggerProvider Logs, ILoggerFactory Factory) Start(LogLevel minimum = LogLevel.Trace)
    {
        var logs = new CapturingLoggerProvider();
        var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(minimum));
        var api = new LocalApiServer(configure: LocalApiServer.FastRetries, logger: factory.CreateLogger<IxBrowserClient>());
        return (api, logs, factory);
    }

    [Fact]
    public async Task A_successful_call_logs_one_structured_event()
    {
        var (api, logs, factory) = Start(LogLevel.Information);
        using (api)
        using (factory)
        {
            api.AnswerSuccess();

            await api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 });

            var e = Assert.Single(logs.Events);
            Assert.Equal("CallSucceeded", e.EventId.Name);
            Assert.Equal(LogLevel.Information, e.Level);
            Assert.Equal("UpdateProxy", e.State["Operation"]);
            Assert.Equal(1, e.State["Attempts"]);
            Assert.IsType<long>(e.State["ElapsedMs"]);
            Assert.Equal(typeof(IxBrowserClient).FullName, e.Category);
        }
    }

    [Fact]
    public async Task A_failed_call_logs_outcome_and_error_code()
    {
        var (api, logs, factory) = Start(LogLevel.Information);
        using (api)
        using (factory)
        {
            api.Answer(LocalApiServer.ExtractionPath, Envelopes.ExtractionProfileMissing);

            await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction()));

            var e = Assert.Single(logs.Events);
            Assert.Equal("CallFailed", e.EventId.Name);
            Assert.Equal(LogLevel.Warning, e.Level);
            Assert.Equal("UpdateProfileProxyForApiExtraction", e.State["Operation"]);
            Assert.Equal("ApiError", e.State["Outcome"]);
            Assert.Equal(2007, e.State["ErrorCode"]);
            Assert.IsType<IxBrowserApiException>(e.Exception);
        }
    }

    [Fact]
    public async Task Debug_logs_the_body_with_secrets_masked()
    {
        var (api, logs, factory) = Start();
        using (api)
        using (factory)
        {
            api.AnswerSuccess();

            await api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 3, ProxyUser = Requests.MarkerUser, ProxyPassword = Requests.MarkerPassword, Note = "" });
            await api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction());

            var bodies = logs.Named("RequestBody").Select(e => (string)e.State["Body"]!).ToList();
            Assert.Equal("""{"id":3,"proxy_user":"***","proxy_password":"***","note":""}""", bodies[0]);
            Assert.Contains("\"proxy_url\":\"***\"", bodies[1], StringComparison.Ordinal);
            Assert.Contains("\"password\":\"password\"", bodies[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Secrets_never_appear_in_any_log_event_of_any_outcome()
    {
        var (api, logs, factory) = Start();
        using (api)
        using (factory)
        {
            // Each answer echoes the secrets of its own request (a call can only mask what it sent).
            api.Answer(LocalApiServer.ProxyUpdatePath, Envelopes.Error(1010, $"slow down {Requests.MarkerUser} {Requests.MarkerPassword}"));
            api.Answer(LocalApiServer.ExtractionPath, $"<html>{Requests.MarkerUrl}</html>", 502, "text/html");

            await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 3, ProxyUser = Requests.MarkerUser, ProxyPassword = Requests.MarkerPassword }));
            await Assert.ThrowsAsync<IxBrowserProtocolException>(() => api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction()));

            Assert.Contains(logs.Events, e => e.EventId.Name == "Retrying");
            Assert.Contains(logs.Events, e => e.EventId.Name == "RequestBody");
            var text = logs.AllText();
            foreach (var marker in Markers)
            {
                Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
            }

            // The check can fail: the marker is in what the server sent.
            Assert.Contains(Requests.MarkerPassword, api.Requests[0].ResponseMessage!.BodyData!.BodyAsString!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_failure_without_an_error_code_is_logged_without_one()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        using var simulator = IxBrowser.LocalApi.Testing.IxBrowserSimulator.Start();
        using var http = new System.Net.Http.HttpClient();
        var client = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = simulator.BaseAddress, RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(2) }, factory.CreateLogger<IxBrowserClient>());
        simulator.Faults.BreakNext(1, IxBrowser.LocalApi.Testing.SimulatedFaultKind.DroppedConnection);
        simulator.Faults.FailNext(1, 1010);

        await client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "third time" });

        var retries = logs.Named("Retrying");
        Assert.Equal(2, retries.Count);
        Assert.Matches(@"^UpdateProxy attempt 1 failed \(ConnectionFailed\); retrying in \d+ ms$", retries[0].Message);
        Assert.Null(retries[0].State["ErrorCode"]);
        Assert.Equal("ConnectionFailed", retries[0].State["Outcome"]);
        Assert.Matches(@"^UpdateProxy attempt 2 failed \(ApiError, error code 1010\); retrying in \d+ ms$", retries[1].Message);
        Assert.Equal(1010, retries[1].State["ErrorCode"]);
        Assert.DoesNotContain("(null)", logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_after_1010_logs_the_gates_hold_not_zero()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        using var simulator = IxBrowser.LocalApi.Testing.IxBrowserSimulator.Start();
        using var http = new System.Net.Http.HttpClient();
        var client = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = simulator.BaseAddress, ShareGate = false }, factory.CreateLogger<IxBrowserClient>());

        // Two quick successes, then "too fast": the gate holds the retry until the app's window has room.
        await client.DeleteProxyAsync(new DeleteProxyRequest { Id = 24320 });
        await client.GetGroupListAsync(new GetGroupListRequest());
        simulator.Faults.FailNext(1, 1010);
        await client.GetGroupListAsync(new GetGroupListRequest());

        var retry = Assert.Single(logs.Named("Retrying"));
        Assert.True((long)retry.State["DelayMs"]! > 0, retry.Message);
    }
}
