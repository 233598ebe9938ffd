using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using IxBrowser.LocalApi;
using Newtonsoft.Json.Linq;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>A real HTTP server on a free loopback port (WireMock.Net) plus a client pointed at it.</summary>
public sealed class LocalApiServer : IDisposable
{
    public const string ExtractionPath = "/api/v2/profile-update-proxy-for-api-extraction";
    public const string ProxyUpdatePath = "/api/v2/proxy-update";

    private readonly HttpClient _httpClient;

    /// <param name="timeout">The HttpClient's own Timeout, when a test needs it.</param>
    /// <param name="configure">Options for the client; without it, the plain constructor (default options) is used.</param>
    /// <param name="logger">Receives the client's log events.</param>
    /// <param name="handler">The HttpClient's handler, when a test watches requests on the client's side.</param>
    public LocalApiServer(TimeSpan? timeout = null, Action<IxBrowserClientOptions>? configure = null, Microsoft.Extensions.Logging.ILogger<IxBrowserClient>? logger = null, HttpMessageHandler? handler = null)
    {
        Server = WireMockServer.Start();
        _httpClient = new HttpClient(handler ?? new HttpClientHandler()) { BaseAddress = new Uri(Server.Url! + "/") };
        IxBrowserClient.ResetSharedGate(_httpClient.BaseAddress);
        if (timeout is { } t)
        {
            _httpClient.Timeout = t;
        }

        if (configure is null && logger is null)
        {
            Client = new IxBrowserClient(_httpClient);
        }
        else
        {
            var options = new IxBrowserClientOptions { BaseAddress = _httpClient.BaseAddress };
            configure?.Invoke(options);
            Client = new IxBrowserClient(_httpClient, options, logger);
        }
    }

    /// <summary>Options that retry quickly, so retry tests do not wait for production backoff.</summary>
    public static void FastRetries(IxBrowserClientOptions options)
    {
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
        options.TooFastPatience = TimeSpan.FromMilliseconds(300);
    }

    public WireMockServer Server { get; }

    public IxBrowserClient Client { get; }

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    public LocalApiServer Answer(string path, string body, int status = 200, string contentType = "application/json", TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        if (delay is { } d)
        {
            response = response.WithDelay(d);
        }

        Server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(response);
        return this;
    }

    public LocalApiServer AnswerSuccess() =>
        Answer(ExtractionPath, Envelopes.ExtractionSuccess).Answer(ProxyUpdatePath, Envelopes.ProxyUpdateSuccess);

    public JToken SingleBody(string path)
    {
        var entry = Assert.Single(Requests, e => e.RequestMessage!.Path == path);
        return JToken.Parse(entry.RequestMessage!.Body!);
    }

    public void Dispose()
    {
        _httpClient.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
