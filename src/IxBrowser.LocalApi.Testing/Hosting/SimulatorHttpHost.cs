using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
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
/// The simulator on HTTP: WireMock.Net (Kestrel) serving every path of the registry. A request on an
/// API path is recorded, meets the faults, then the operation's behaviour; whatever happens, its
/// answer is the API's envelope (a broken request body, one too large, or a behaviour that throws
/// included), except where a fault deliberately breaks it. Other paths answer a plain 404.
/// </summary>
internal sealed class SimulatorHttpHost : IDisposable
{
    private const string CallHeader = "X-IxBrowser-Simulator-Call";

    private readonly WireMockServer _server;
    private readonly OperationRegistry _routes;
    private readonly SimulatorFaults _faults;
    private readonly RequestLog _log;
    private readonly int _maxBodyBytes;
    private readonly SimulatorStore _store;
    private readonly ConcurrentDictionary<string, SimulatorFaults.Injected?> _decisions = new();
    private long _nextCallId;
    private int _inFlight;
    private int _maxInFlight;
    private int _connections;
    private int _stopping;

    public SimulatorHttpHost(string url, OperationRegistry routes, SimulatorFaults faults, RequestLog log, int maxBodyBytes, SimulatorStore store)
    {
        _store = store;
        _routes = routes;
        _faults = faults;
        _log = log;
        _maxBodyBytes = maxBodyBytes;
        _server = Start(url);

        // With 0.0.0.0 WireMock reports the address it listens on; clients on this machine use loopback.
        BaseAddress = new Uri(_server.Url!.Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal) + "/");
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

    public Uri BaseAddress { get; }

    public int ConnectionsOpened => Volatile.Read(ref _connections);

    public int MaxRequestsInFlight => Volatile.Read(ref _maxInFlight);

    public int RequestsInFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// Stops taking requests (a new one is answered 1004, "try again later", and its connection
    /// closed), lets the requests in flight finish (up to <paramref name="patience"/>), then closes
    /// the server.
    /// </summary>
    public void Stop(TimeSpan patience)
    {
        Volatile.Write(ref _stopping, 1);
        var deadline = DateTime.UtcNow + patience;
        while (Volatile.Read(ref _inFlight) > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(5);
        }

        _server.Stop();
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private WireMockServer Start(string url)
    {
        ThrowIfTaken(url);
        try
        {
            return WireMockServer.Start(new WireMockServerSettings
            {
                Urls = new[] { url },
                StartAdminInterface = false,

                // WireMock keeps every request it served unless told otherwise (about 14 KB each); the simulator keeps its own bounded log.
                MaxRequestLogCount = 0,
                PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(ArriveAsync),
            });
        }
        catch (Exception e) when (ExceptionChain.Find<SocketException>(e) is { SocketErrorCode: SocketError.AddressAlreadyInUse } || ExceptionChain.Find<IOException>(e)?.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new SimulatorAddressInUseException(url, e);
        }
    }

    // WireMock waits out its start timeout (10 s) before it reports a taken port; a bind says it at once.
    private static void ThrowIfTaken(string url)
    {
        var address = new Uri(url);
        if (address.Port == 0 || !System.Net.IPAddress.TryParse(address.Host, out var ip))
        {
            return;
        }

        try
        {
            using var probe = new TcpListener(ip, address.Port);
            probe.Start();
            probe.Stop();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new SimulatorAddressInUseException(url, e);
        }
    }

    private async Task ArriveAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsPost(context.Request.Method) || !_routes.Serves(path))
        {
            await next().ConfigureAwait(false);
            return;
        }

        // Counted once per connection, without keeping every connection's id.
        if (context.Features.Get<IConnectionItemsFeature>()?.Items is { } items && items.TryAdd(CallHeader, true))
        {
            Interlocked.Increment(ref _connections);
        }

        var now = Interlocked.Increment(ref _inFlight);
        if (Volatile.Read(ref _stopping) == 1)
        {
            Interlocked.Decrement(ref _inFlight);
            var outcome = SimulatorOutcome.Error(IxBrowserErrorCodes.SystemError);
            context.Response.ContentType = "application/json";
            context.Response.Headers.Connection = "close";
            await context.Response.WriteAsync(Envelope(outcome), CancellationToken.None).ConfigureAwait(false);
            return;
        }

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
        var raw = await ReadBodyAsync(context).ConfigureAwait(false);
        if (raw is null)
        {
            return;
        }

        _log.Add(new ReceivedRequest(path, ParseOrNull(raw), raw, DateTimeOffset.UtcNow));
        var (latency, fault) = _faults.Arrive(DateTimeOffset.UtcNow);
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

    /// <summary>
    /// The body as text, rewound for WireMock; or null when it was refused here: larger than the limit
    /// (HTTP 413) or not a readable HTTP body (a bad chunk: HTTP 400), both with an envelope of 1000.
    /// </summary>
    private async Task<string?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _maxBodyBytes)
        {
            await RefuseAsync(context, 413, $"Request body larger than {_maxBodyBytes} bytes").ConfigureAwait(false);
            return null;
        }

        context.Request.EnableBuffering();
        var buffer = new char[4096];
        var text = new StringBuilder();
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                text.Append(buffer, 0, read);
                if (text.Length > _maxBodyBytes)
                {
                    await RefuseAsync(context, 413, $"Request body larger than {_maxBodyBytes} bytes").ConfigureAwait(false);
                    return null;
                }
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            await RefuseAsync(context, 400, "Malformed HTTP request body").ConfigureAwait(false);
            return null;
        }

        context.Request.Body.Position = 0;
        return text.ToString();
    }

    private static async Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers.Connection = "close";
        var outcome = new SimulatorOutcome(IxBrowserErrorCodes.MissingRequiredParameters, message, new JArray());
        await context.Response.WriteAsync(Envelope(outcome), CancellationToken.None).ConfigureAwait(false);
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
        if (fault is not null)
        {
            return Json(200, Envelope(SimulatorOutcome.Error(fault.ErrorCode)));
        }

        // Stopping: the state is being saved, so nothing may change it; the app's "system error, try again later".
        if (!_store.TryEnter())
        {
            return Json(200, Envelope(SimulatorOutcome.Error(IxBrowserErrorCodes.SystemError)));
        }

        SimulatorOutcome outcome;
        try
        {
            outcome = _routes.Answer(path, body);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException or ArgumentException or InvalidOperationException or NullReferenceException)
        {
            // A value of the wrong type or size that the spec's checks let through: the app's
            // "parameter error" (1000), never an HTTP 500 with a .NET message.
            outcome = SimulatorOutcome.Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }
        finally
        {
            _store.Exit();
        }

        return Json(200, Envelope(outcome));
    }

    private static JToken? ParseOrNull(string raw)
    {
        try
        {
            // As the client reads JSON: a string that looks like a date stays a string (JToken.Parse
            // would make it a date, which the spec's type check then refuses as "not a string").
            return raw.Length == 0 ? null : IxBrowser.LocalApi.Serialization.WireJson.Parse(raw);
        }
        catch (JsonReaderException)
        {
            // Not JSON: the behaviours answer 1000 for a body they cannot read.
            return null;
        }
    }

    private static string Envelope(SimulatorOutcome outcome)
    {
        var envelope = new JObject
        {
            ["error"] = new JObject
            {
                ["code"] = outcome.Code,
                ["message"] = outcome.Message,
                ["time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            },
        };

        // A success without data (profile-close) has no "data" at all, as page 10 shows.
        if (outcome.Data is not null)
        {
            envelope["data"] = outcome.Data;
        }

        return envelope.ToString(Formatting.None);
    }

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

    private static ResponseMessage Text(int status, string contentType, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };
}
