using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// An in-process simulator of the ixBrowser Local API, on a free loopback port. It serves every
/// operation of the spec it embeds (the one the client is generated from), with state: profiles,
/// groups, tags, proxies, proxy tags and traffic packages, seeded with the ids of the docs' examples
/// (profiles 161 and 1575, custom proxies 24330 and 24320, purchased proxy 1, traffic package 6,
/// proxy tags 14, 117, 118 and 182, groups 1 and 169, profile tags 169 and 14152). It records every
/// request and can inject faults. Built on WireMock.Net.
/// </summary>
/// <example>
/// <code>
/// using var simulator = IxBrowserSimulator.Start();
/// await simulator.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "rotated" });
/// Assert.Equal("rotated", simulator.GetProxy(24330)!.Note);
/// </code>
/// </example>
public sealed class IxBrowserSimulator : IDisposable
{
    /// <summary>The path of the API-extraction operation.</summary>
    public const string ExtractionPath = IxBrowserClient.UpdateProfileProxyForApiExtractionPath;

    /// <summary>The path of the proxy-update operation.</summary>
    public const string ProxyUpdatePath = IxBrowserClient.UpdateProxyPath;

    /// <summary>The profile the docs' example uses, present at start.</summary>
    public const long DocsProfileId = 161;

    /// <summary>The custom proxy the docs' example uses, present at start.</summary>
    public const long DocsProxyId = 24330;

    private static readonly Lazy<SpecRules> Rules = new(SpecRules.Load);
    private static readonly string[] LoopbackAnyPort = { "http://127.0.0.1:0" };
    private const string CallHeader = "X-IxBrowser-Simulator-Call";

    private readonly WireMockServer _server;
    private readonly SimulatorEngine _engine;
    private readonly OperationRoutes _routes;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly HttpClient _httpClient;
    private readonly ConcurrentDictionary<string, SimulatorFaults.Injected?> _decisions = new();
    private readonly ConcurrentDictionary<string, byte> _connections = new();
    private long _nextCallId;
    private int _inFlight;
    private int _maxInFlight;

    private IxBrowserSimulator(string[] urls)
    {
        _engine = new SimulatorEngine(Rules.Value);
        _routes = new OperationRoutes(Rules.Value, _engine);
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = urls,
            StartAdminInterface = false,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(ArriveAsync),
        });
        // With 0.0.0.0 WireMock reports the address it listens on; clients on this machine use loopback.
        BaseAddress = new Uri(_server.Url!.Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal) + "/");
        _httpClient = new HttpClient();

        // A new app at this address: what clients learned about an earlier one (a freed port reused) does not apply.
        IxBrowserClient.ResetSharedGate(BaseAddress);
        DocsSeed.Apply(_engine);
        Client = CreateClient();
        foreach (var path in _routes.Paths)
        {
            _server.Given(Request.Create().WithPath(path).UsingPost())
                .RespondWith(Response.Create().WithCallback(request => Answer(path, request)));
        }

        // Choice: a path the spec does not define (or another method) gets a plain 404, as an HTTP
        // server without that route answers; never another operation's logic.
        _server.Given(Request.Create().UsingAnyMethod()).AtPriority(int.MaxValue)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "text/plain").WithBody("404 page not found"));
    }

    /// <summary>The operationIds the simulator has a behaviour of its own for; every other operation answers its spec's success example.</summary>
    public static IReadOnlyList<string> StatefulOperations => new OperationRoutes(Rules.Value, new SimulatorEngine(Rules.Value)).Stateful;

    /// <summary>Where the simulator listens, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client pointed at the simulator, with default options.</summary>
    public IxBrowserClient Client { get; }

    /// <summary>Fault injection: latency, throttling, error codes, broken answers.</summary>
    public SimulatorFaults Faults { get; } = new();

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedRequests => _received.ToList();

    /// <summary>How many distinct TCP connections clients have opened to the simulator.</summary>
    public int ConnectionsOpened => _connections.Count;

    /// <summary>The most requests the simulator was answering at the same moment.</summary>
    public int MaxRequestsInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>How many requests the simulator is answering right now.</summary>
    public int RequestsInFlight => Volatile.Read(ref _inFlight);

    /// <summary>The custom proxies the simulator holds now.</summary>
    public IReadOnlyList<SimulatedProxy> Proxies => _engine.Proxies;

    /// <summary>The profiles the simulator holds now.</summary>
    public IReadOnlyList<SimulatedProfile> Profiles => _engine.Profiles;

    /// <summary>Starts a simulator on a free loopback port.</summary>
    /// <returns>The running simulator; dispose it to stop.</returns>
    public static IxBrowserSimulator Start() => new(LoopbackAnyPort);

    /// <summary>
    /// Starts a simulator that listens at <paramref name="listenAddress"/>, for example
    /// <c>http://127.0.0.1:53200</c> (ixBrowser's own address, so code written for it runs unchanged).
    /// It has no authentication: listen on another interface only on a network you trust.
    /// </summary>
    /// <param name="listenAddress">An http address with a host (an IP, localhost, or 0.0.0.0 for every interface) and a port (0 for a free one).</param>
    /// <returns>The running simulator; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">The address is not an absolute http address with a port.</exception>
    public static IxBrowserSimulator Start(Uri listenAddress)
    {
        if (listenAddress is null || !listenAddress.IsAbsoluteUri || listenAddress.Scheme != Uri.UriSchemeHttp || listenAddress.AbsolutePath != "/")
        {
            throw new ArgumentException($"The simulator listens at an http address such as http://127.0.0.1:53200, not \"{listenAddress}\".", nameof(listenAddress));
        }

        return new(new[] { listenAddress.GetLeftPart(UriPartial.Authority) });
    }

    /// <summary>A consistent copy of everything the simulator holds now (for example to save it as JSON).</summary>
    /// <returns>The state.</returns>
    public SimulatorState ExportState() => _engine.Export();

    /// <summary>Replaces everything the simulator holds, the seeded docs' examples included, with <paramref name="state"/>.</summary>
    /// <param name="state">The state to hold from now on.</param>
    public void ImportState(SimulatorState state) => _engine.Import(state ?? throw new ArgumentNullException(nameof(state)));

    /// <summary>Creates another client for the simulator, for example with custom options.</summary>
    /// <param name="configure">Changes the options; the base address is already the simulator's.</param>
    /// <returns>A client; it shares the simulator's HttpClient.</returns>
    public IxBrowserClient CreateClient(Action<IxBrowserClientOptions>? configure = null)
    {
        var options = new IxBrowserClientOptions { BaseAddress = BaseAddress };
        configure?.Invoke(options);
        return new IxBrowserClient(_httpClient, options);
    }

    /// <summary>Adds or replaces a custom proxy.</summary>
    /// <param name="proxy">The proxy.</param>
    public void AddProxy(SimulatedProxy proxy) => _engine.Put(proxy ?? throw new ArgumentNullException(nameof(proxy)));

    /// <summary>Adds or replaces a profile.</summary>
    /// <param name="id">The profile id.</param>
    public void AddProfile(long id) => _engine.Put(new SimulatedProfile { Id = id });

    /// <summary>Adds or replaces a profile, for example one that uses a custom proxy (<see cref="SimulatedProfile.ProxyId"/>).</summary>
    /// <param name="profile">The profile.</param>
    public void AddProfile(SimulatedProfile profile) => _engine.Put(profile ?? throw new ArgumentNullException(nameof(profile)));

    /// <summary>Adds or replaces a profile group.</summary>
    /// <param name="group">The group.</param>
    public void AddGroup(SimulatedGroup group) => _engine.Put(group ?? throw new ArgumentNullException(nameof(group)));

    /// <summary>Adds or replaces a profile tag.</summary>
    /// <param name="tag">The tag.</param>
    public void AddProfileTag(SimulatedTag tag) => _engine.PutProfileTag(tag ?? throw new ArgumentNullException(nameof(tag)));

    /// <summary>Adds or replaces a proxy tag; proxies carry it by its title.</summary>
    /// <param name="tag">The tag.</param>
    public void AddProxyTag(SimulatedTag tag) => _engine.PutProxyTag(tag ?? throw new ArgumentNullException(nameof(tag)));

    /// <summary>Adds or replaces a traffic package (purchased residential proxy).</summary>
    /// <param name="package">The package.</param>
    public void AddTrafficPackage(SimulatedTrafficPackage package) => _engine.Put(package ?? throw new ArgumentNullException(nameof(package)));

    /// <summary>The proxy tags the simulator holds now.</summary>
    public IReadOnlyList<SimulatedTag> ProxyTags => _engine.ProxyTags;

    /// <summary>The custom proxy with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The proxy id.</param>
    /// <returns>The proxy as stored now.</returns>
    public SimulatedProxy? GetProxy(long id) => _engine.Proxy(id);

    /// <summary>The profile with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The profile id.</param>
    /// <returns>The profile as stored now.</returns>
    public SimulatedProfile? GetProfile(long id) => _engine.Profile(id);

    /// <summary>Stops the simulator and frees its port.</summary>
    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _httpClient.Dispose();
    }

    /// <summary>
    /// Runs first for every call (as Kestrel middleware, ahead of WireMock): records it, applies
    /// latency, decides its fault, and drops the connection itself when that is the fault, which a
    /// WireMock response cannot do. The decision travels to <see cref="Answer"/> in a request header.
    /// </summary>
    private async Task ArriveAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsPost(context.Request.Method) || !_routes.Serves(path))
        {
            await next().ConfigureAwait(false);
            return;
        }

        _connections.TryAdd(context.Connection.Id, 0);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            await HandleAsync(context, path, next).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleAsync(HttpContext context, string path, Func<Task> next)
    {
        context.Request.EnableBuffering();
        string raw;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true))
        {
            raw = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        context.Request.Body.Position = 0;
        _received.Enqueue(new ReceivedRequest(path, ParseOrNull(raw), raw, DateTimeOffset.UtcNow));

        var (latency, fault) = Faults.Arrive(DateTimeOffset.UtcNow);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (fault is { Kind: SimulatedFaultKind.DroppedConnection })
        {
            // Promise a long body, send its first bytes, then cut the connection: a crash mid-answer.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 4096;
            await context.Response.WriteAsync("{\"error\":{\"code\":0,", context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            context.Abort();
            return;
        }

        var callId = Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);
        _decisions[callId] = fault;
        context.Request.Headers[CallHeader] = callId;
        await next().ConfigureAwait(false);
    }

    private ResponseMessage Answer(string path, IRequestMessage request)
    {
        SimulatorFaults.Injected? fault = null;
        if (request.Headers?.TryGetValue(CallHeader, out var ids) == true && ids.Count > 0)
        {
            _decisions.TryRemove(ids[0], out fault);
        }

        if (fault is { Kind: { } kind })
        {
            return Broken(kind, fault.StatusCode);
        }

        var body = ParseOrNull(request.Body ?? string.Empty);
        var outcome = fault is not null
            ? SimulatorEngine.Error(fault.ErrorCode)
            : _routes.Answer(path, body);
        return Json(200, Envelope(outcome));
    }

    private static JToken? ParseOrNull(string raw)
    {
        try
        {
            return raw.Length == 0 ? null : JToken.Parse(raw);
        }
        catch (JsonReaderException)
        {
            // Not JSON: the engine answers 1000 for a body it cannot read.
            return null;
        }
    }

    private static string Envelope(SimulatorEngine.Outcome outcome) =>
        new JObject
        {
            ["error"] = new JObject
            {
                ["code"] = outcome.Code,
                ["message"] = outcome.Message,
                ["time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            },
            ["data"] = outcome.Data,
        }.ToString(Formatting.None);

    private static ResponseMessage Broken(SimulatedFaultKind kind, int statusCode)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return kind switch
        {
            SimulatedFaultKind.MalformedJson => Json(200, "{\"error\":{\"code\":0,,\"time\":" + now + "}"),
            SimulatedFaultKind.Html => Text(200, "text/html", "<!DOCTYPE html><html><head><title>ixBrowser</title></head><body>Service starting</body></html>"),
            SimulatedFaultKind.EmptyBody => Json(200, string.Empty),
            SimulatedFaultKind.TruncatedJson => Json(200, "{\"error\":{\"code\":0,\"message\":\"succ"),
            SimulatedFaultKind.HttpStatus => Text(statusCode, "text/html", $"<html><body><h1>{statusCode}</h1></body></html>"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Dropped connections are handled before WireMock answers."),
        };
    }

    private static ResponseMessage Json(int status, string body) => Text(status, "application/json", body);

    private static ResponseMessage Text(int status, string contentType, string body) => new ResponseMessage
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };
}
