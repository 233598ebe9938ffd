using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using IxBrowser.LocalApi.Tests.Support;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;

namespace IxBrowser.LocalApi.Tests.Reliability;

/// <summary>
/// Every way an answer can go wrong, for four operations (proxy-update, API extraction, a list and a
/// create): each cell asserts the outcome's type and
/// the essentials of its message, and that no secret of the request leaks into it or into the logs.
/// The test prints its figure: cells passing out of cells run.
/// </summary>
public class FaultMatrixTests(ITestOutputHelper output)
{
    private const string Envelope0 = """{"error":{"code":0,"message":"success","time":1},"data":1}""";

    // Each operation's success, by path: the data kinds int32, string, page and int64.
    private static readonly Dictionary<string, string> Successes = new()
    {
        [IxBrowserClient.UpdateProxyPath] = Envelope0,
        [IxBrowserClient.UpdateProfileProxyForApiExtractionPath] = """{"error":{"code":0,"message":"success","time":1},"data":"success"}""",
        [IxBrowserClient.GetProxyListPath] = """{"error":{"code":0,"message":"success","time":1},"data":{"total":1,"data":[{"id":7,"proxy_user":"u","proxy_password":"p"}]}}""",
        [IxBrowserClient.CreateProxyPath] = """{"error":{"code":0,"message":"success","time":1},"data":24441}""",
    };

    /// <summary>One cell: how the server answers, and what the client must make of it.</summary>
    private sealed record Cell(string Name, Action<LocalApiServer, string> Arrange, Type Expected, string MessagePart);

    private static IEnumerable<Cell> Cells()
    {
        Cell Body(string name, int status, string contentType, string body, Type expected, string part) =>
            new(name, (api, path) => api.Answer(path, body, status, contentType), expected, part);

        foreach (var status in new[] { 500, 502, 503, 404 })
        {
            yield return Body($"{status} with HTML", status, "text/html", $"<html><body>{status} error</body></html>", typeof(IxBrowserProtocolException), $"HTTP {status} instead of 200");
            yield return Body($"{status} with JSON", status, "application/json", """{"error":{"code":1004,"message":"System error"},"data":[]}""", typeof(IxBrowserProtocolException), $"HTTP {status} instead of 200");
        }

        yield return Body("empty 200", 200, "application/json", "", typeof(IxBrowserProtocolException), "HTTP 200 with an empty body");
        yield return Body("truncated JSON", 200, "application/json", """{"error":{"code":0,"mess""", typeof(IxBrowserProtocolException), "not its JSON envelope");
        yield return Body("JSON array at the top", 200, "application/json", "[1,2]", typeof(IxBrowserProtocolException), "not its JSON envelope");
        yield return Body("JSON number at the top", 200, "application/json", "42", typeof(IxBrowserProtocolException), "not its JSON envelope");
        yield return Body("JSON string at the top", 200, "application/json", "\"success\"", typeof(IxBrowserProtocolException), "not its JSON envelope");
        yield return Body("envelope without error", 200, "application/json", """{"data":1}""", typeof(IxBrowserProtocolException), "Required property 'error' not found");
        yield return Body("error.code as a word", 200, "application/json", """{"error":{"code":"oops"},"data":[]}""", typeof(IxBrowserProtocolException), "Could not convert string to integer");
        yield return Body("error.code null", 200, "application/json", """{"error":{"code":null},"data":[]}""", typeof(IxBrowserProtocolException), "not its JSON envelope");
        yield return Body("error.code a fraction", 200, "application/json", """{"error":{"code":1.5},"data":[]}""", typeof(IxBrowserProtocolException), "not its JSON envelope");
        // A numeric string is read as the number: ixBrowser's PHP-style sibling APIs send "1010" at times.
        yield return Body("error.code a numeric string", 200, "application/json", """{"error":{"code":"2002","message":"Proxy information does not exist"},"data":[]}""", typeof(IxBrowserApiException), "error 2002");
        yield return Body("success data of an unexpected type", 200, "application/json", """{"error":{"code":0},"data":true}""", typeof(IxBrowserProtocolException), "but its data was the boolean true");
        yield return Body("10 MB body", 200, "text/html", "<html>" + new string('x', 10 * 1024 * 1024) + "</html>", typeof(IxBrowserProtocolException), "Body (10485773 characters), starts with");
        yield return new Cell("wrong Content-Type, valid envelope", (api, path) => api.Answer(path, SuccessFor(path), 200, "text/plain; charset=iso-8859-1"), typeof(IxBrowserResponse), "");
        yield return new Cell("UTF-8 BOM before a valid envelope", (api, path) => api.Server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(
            Response.Create().WithHeader("Content-Type", "application/json").WithBody(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SuccessFor(path))).ToArray())), typeof(IxBrowserResponse), "");
        yield return new Cell("connection reset mid-body", (_, _) => { }, typeof(IxBrowserConnectionException), "failed before a complete answer arrived");
        yield return new Cell("server hangs", (api, path) => api.Answer(path, Envelope0, delay: TimeSpan.FromSeconds(3)), typeof(IxBrowserTimeoutException), "timed out: the ixBrowser local API did not answer within 0.3 s");
        yield return new Cell("connection refused", (_, _) => { }, typeof(IxBrowserConnectionException), "not reachable at");
    }

    private static string SuccessFor(string path) => Successes[path];

    [Fact]
    public async Task Every_cell_gives_the_right_outcome_for_each_kind_of_operation()
    {
        var failures = new List<string>();
        var run = 0;
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var texts = new List<string>();

        foreach (var cell in Cells())
        {
            foreach (var path in Successes.Keys)
            {
                run++;
                var (outcome, text) = await RunCell(cell, path, factory.CreateLogger<IxBrowserClient>());
                texts.Add(text);
                if (outcome is not null)
                {
                    failures.Add($"{cell.Name} / {path}: {outcome}");
                }
            }
        }

        texts.Add(logs.AllText());
        var leaks = texts.Where(t => SecretMarkers.Any(m => t.Contains(m, StringComparison.Ordinal))).ToList();
        output.WriteLine($"Fault matrix: {run - failures.Count} of {run} cells passed; secrets found in {leaks.Count} exception or log texts.");
        foreach (var failure in failures)
        {
            output.WriteLine("  FAILED " + failure);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(leaks);
        Assert.Equal(Successes.Count * Cells().Count(), run);
    }

    private static readonly string[] SecretMarkers = { Requests.MarkerPassword, Requests.MarkerUser, Requests.MarkerUrl, "KEY-MARKER-93e1" };

    /// <summary>Runs one cell; returns null when it behaved, else what went wrong, plus every text the outcome produced.</summary>
    private static async Task<(string? Failure, string Text)> RunCell(Cell cell, string path, ILogger<IxBrowserClient> logger)
    {
        Exception? thrown = null;
        IxBrowserResponse? response = null;
        if (cell.Name == "connection refused" || cell.Name == "connection reset mid-body")
        {
            using var simulator = IxBrowserSimulator.Start();
            var address = simulator.BaseAddress;
            if (cell.Name == "connection refused")
            {
                simulator.Dispose();
            }
            else
            {
                simulator.Faults.BreakNext(1, SimulatedFaultKind.DroppedConnection);
            }

            using var http = new System.Net.Http.HttpClient();
            var client = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = address, MaxRetryAttempts = 0 }, logger);
            (response, thrown) = await Call(client, path);
        }
        else
        {
            // Only the hang cell needs a short timeout; elsewhere a cold first request must not be mistaken for one.
            var timeout = cell.Name == "server hangs" ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(30);
            using var api = new LocalApiServer(configure: o => { o.MaxRetryAttempts = 0; o.Timeout = timeout; }, logger: logger);
            cell.Arrange(api, path);
            (response, thrown) = await Call(api.Client, path);
        }

        var text = thrown is null ? response?.ToString() ?? "" : Describe(thrown);
        if (cell.Expected == typeof(IxBrowserResponse))
        {
            return (thrown is null ? null : $"expected success, got {thrown.GetType().Name}: {thrown.Message}", text);
        }

        if (thrown is null)
        {
            return ($"expected {cell.Expected.Name}, got success", text);
        }

        if (thrown.GetType() != cell.Expected)
        {
            return ($"expected {cell.Expected.Name}, got {thrown.GetType().Name}: {thrown.Message}", text);
        }

        return (thrown.Message.Contains(cell.MessagePart, StringComparison.Ordinal) ? null : $"message lacks \"{cell.MessagePart}\": {thrown.Message}", text);
    }

    private static async Task<(IxBrowserResponse? Response, Exception? Thrown)> Call(IxBrowserClient client, string path)
    {
        try
        {
            IxBrowserResponse response = path switch
            {
                IxBrowserClient.UpdateProxyPath => await client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, ProxyUser = Requests.MarkerUser, ProxyPassword = Requests.MarkerPassword }),
                IxBrowserClient.GetProxyListPath => await client.GetProxyListAsync(new GetProxyListRequest { ProxyIp = "192.0.2.1" }),
                IxBrowserClient.CreateProxyPath => await client.CreateProxyAsync(new CreateProxyRequest { ProxyType = ProxyType.Socks5, ProxyIp = "192.0.2.1", ProxyPort = "1080", ProxyUser = Requests.MarkerUser, ProxyPassword = Requests.MarkerPassword }),
                _ => await client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction()),
            };
            return (response, null);
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }

    /// <summary>Everything an exception can show: message, ToString (with inner exceptions) and Data.</summary>
    internal static string Describe(Exception e) =>
        e + "\n" + string.Join("\n", e.Data.Keys.Cast<object>().Select(k => k + "=" + e.Data[k]));
}
