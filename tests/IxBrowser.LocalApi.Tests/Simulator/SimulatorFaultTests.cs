using System;
using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Simulator;

public class SimulatorFaultTests
{
    private static IxBrowserClient NoRetries(IxBrowserSimulator simulator) => simulator.CreateClient(o => o.MaxRetryAttempts = 0);

    [Theory]
    [InlineData(SimulatedFaultKind.MalformedJson, 200, "HTTP 200 with a body that is not its JSON envelope")]
    [InlineData(SimulatedFaultKind.Html, 200, "<!DOCTYPE html>")]
    [InlineData(SimulatedFaultKind.EmptyBody, 200, "HTTP 200 with an empty body")]
    [InlineData(SimulatedFaultKind.TruncatedJson, 200, "{\"error\":{\"code\":0,\"message\":\"succ")]
    [InlineData(SimulatedFaultKind.HttpStatus, 502, "HTTP 502 instead of 200")]
    [InlineData(SimulatedFaultKind.HttpStatus, 404, "HTTP 404 instead of 200")]
    public async Task Broken_answers_become_protocol_exceptions_and_change_nothing(SimulatedFaultKind kind, int status, string expected)
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.BreakNext(1, kind, status == 200 ? 500 : status);

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => NoRetries(simulator).UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "lost" }));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, simulator.GetProxy(24330)!.Note);

        // Only the next call was broken.
        await NoRetries(simulator).UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "kept" });
        Assert.Equal("kept", simulator.GetProxy(24330)!.Note);
    }

    [Fact]
    public async Task A_dropped_connection_is_a_connection_exception()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.BreakNext(1, SimulatedFaultKind.DroppedConnection);

        var error = await Assert.ThrowsAsync<IxBrowserConnectionException>(() => NoRetries(simulator).UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "x" }));

        Assert.Contains("failed before a complete answer arrived", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_the_next_calls_with_1004_is_survived_by_the_clients_retries()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.FailNext(2);
        var client = simulator.CreateClient(o => { o.RetryBaseDelay = TimeSpan.FromMilliseconds(1); o.MaxRetryDelay = TimeSpan.FromMilliseconds(5); });

        await client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "third time" });

        Assert.Equal(3, simulator.ReceivedRequests.Count);
        Assert.Equal("third time", simulator.GetProxy(24330)!.Note);
    }

    [Fact]
    public async Task Throttling_answers_1010_above_the_rate()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.ThrottleAbovePerSecond = 3;

        // Plain HTTP: this test is about the simulator's rule, not the client's pacing (which would avoid it).
        using var http = new System.Net.Http.HttpClient { BaseAddress = simulator.BaseAddress };
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var answer = await http.PostAsync(IxBrowserSimulator.ProxyUpdatePath.TrimStart('/'), new System.Net.Http.StringContent("""{"id":24330,"note":"x"}"""));
            return (int)Newtonsoft.Json.Linq.JObject.Parse(await answer.Content.ReadAsStringAsync())["error"]!["code"]!;
        }));

        Assert.Equal(3, outcomes.Count(c => c == 0));
        Assert.Equal(3, outcomes.Count(c => c == IxBrowserErrorCodes.OperationTooFast));
    }

    [Fact]
    public async Task Latency_beyond_the_timeout_is_a_timeout()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.Latency = TimeSpan.FromSeconds(5);
        var client = simulator.CreateClient(o => { o.Timeout = TimeSpan.FromMilliseconds(100); o.MaxRetryAttempts = 0; });

        await Assert.ThrowsAsync<IxBrowserTimeoutException>(() => client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "x" }));
    }

    [Fact]
    public async Task Random_injection_is_reproducible_from_its_seed()
    {
        async Task<string> Run()
        {
            using var simulator = IxBrowserSimulator.Start();
            simulator.Faults.InjectRandomly(0.5, seed: 42, SimulatedFaultKind.Html, SimulatedFaultKind.EmptyBody);
            var client = NoRetries(simulator);
            var trace = "";
            for (var i = 0; i < 20; i++)
            {
                try
                {
                    await client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "n" + i });
                    trace += "ok ";
                }
                catch (IxBrowserProtocolException e)
                {
                    trace += e.ResponseExcerpt.Length == 0 ? "empty " : "html ";
                }
            }

            return trace;
        }

        var first = await Run();
        var second = await Run();

        Assert.Equal(first, second);
        Assert.Contains("ok", first, StringComparison.Ordinal);
        Assert.Contains("html", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Fault_settings_are_checked()
    {
        using var simulator = IxBrowserSimulator.Start();

        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Faults.FailNext(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Faults.BreakNext(1, SimulatedFaultKind.HttpStatus, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Faults.ThrottleAbovePerSecond = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Faults.Latency = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Faults.InjectRandomly(1.5, 1));
    }
}
