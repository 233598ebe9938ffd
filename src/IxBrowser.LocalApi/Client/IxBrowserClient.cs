using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using Polly;
using Polly.Timeout;

namespace IxBrowser.LocalApi;

/// <summary>
/// Client of the ixBrowser Local API's proxy operations. It wraps the client NSwag generates from
/// <c>spec/ixbrowser-local-api.yaml</c> and adds what the generator cannot know: success is an
/// envelope with <c>error.code == 0</c> inside HTTP 200, every other answer becomes an
/// <see cref="IxBrowserException"/>, requests are checked before they are sent, transient errors are
/// retried, and at most <see cref="IxBrowserClientOptions.MaxConcurrentRequests"/> calls are in flight.
/// </summary>
/// <remarks>
/// The client does not own the <see cref="HttpClient"/>. Share one client for the whole application,
/// or register it with <c>services.AddIxBrowserClient()</c>: the concurrency limit is per client
/// (per application with dependency injection). Instances are safe for concurrent use.
/// </remarks>
public class IxBrowserClient : IIxBrowserClient
{
    /// <summary>The operationId of <see cref="UpdateProfileProxyForApiExtractionAsync"/> in the spec.</summary>
    public const string UpdateProfileProxyForApiExtractionOperation = "UpdateProfileProxyForApiExtraction";

    /// <summary>The operationId of <see cref="UpdateProxyAsync"/> in the spec.</summary>
    public const string UpdateProxyOperation = "UpdateProxy";

    private readonly HttpClient _httpClient;
    private readonly IxBrowserGeneratedClient _generated;
    private readonly IxBrowserCallPipeline _pipeline;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates a client with default options that sends its requests through <paramref name="httpClient"/>,
    /// to its <see cref="HttpClient.BaseAddress"/> or, when it has none, to <see cref="DefaultBaseAddress"/>.
    /// </summary>
    /// <param name="httpClient">The HTTP client to use; not disposed by this client.</param>
    /// <exception cref="ArgumentException">The HttpClient's base address is plain http to another machine (see <see cref="IxBrowserClientOptions.AllowRemoteHost"/>).</exception>
    public IxBrowserClient(HttpClient httpClient)
        : this(httpClient, new IxBrowserClientOptions { BaseAddress = httpClient?.BaseAddress ?? DefaultBaseAddress })
    {
    }

    /// <summary>Creates a client with <paramref name="options"/> that sends its requests through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">The HTTP client to use; not disposed by this client. Its BaseAddress is ignored: <see cref="IxBrowserClientOptions.BaseAddress"/> applies.</param>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <param name="logger">Where to log calls; none if <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and the fix.</exception>
    public IxBrowserClient(HttpClient httpClient, IxBrowserClientOptions options, ILogger<IxBrowserClient>? logger = null)
        : this(httpClient, new IxBrowserCallPipeline(options ?? throw new ArgumentNullException(nameof(options)), logger), logger)
    {
    }

    /// <summary>For dependency injection: the pipeline (and its concurrency limit) is shared by every client of the application.</summary>
    internal IxBrowserClient(HttpClient httpClient, IxBrowserCallPipeline pipeline, ILogger? logger)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _pipeline = pipeline;
        _logger = logger ?? NullLogger.Instance;
        BaseAddress = pipeline.Options.BaseAddress;
        _generated = new IxBrowserGeneratedClient(httpClient)
        {
            BaseUrl = BaseAddress.AbsoluteUri,
            // The body text is needed to report what came back when it is not an envelope.
            ReadResponseAsString = true,
        };
    }

    /// <summary>For mocking frameworks only: a client created this way cannot send requests.</summary>
    protected IxBrowserClient()
    {
        _httpClient = null!;
        _generated = null!;
        _pipeline = null!;
        _logger = NullLogger.Instance;
        BaseAddress = DefaultBaseAddress;
    }

    /// <summary>Where ixBrowser's local API listens by default: <c>http://127.0.0.1:53200/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("http://127.0.0.1:53200/");

    /// <summary>The address this client sends its requests to.</summary>
    public Uri BaseAddress { get; }

    /// <inheritdoc />
    public virtual Task<IxBrowserResponse> UpdateProfileProxyForApiExtractionAsync(UpdateProfileProxyForApiExtractionRequest request, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return ExecuteAsync(new Call(this, UpdateProfileProxyForApiExtractionOperation, request), cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<IxBrowserResponse> UpdateProxyAsync(UpdateProxyRequest request, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return ExecuteAsync(new Call(this, UpdateProxyOperation, request), cancellationToken);
    }

    private async Task<IxBrowserResponse> ExecuteAsync(Call call, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var maskedBody = RequestBodyMasker.Mask(call.Request, new JsonSerializerSettings());
            IxBrowserLog.RequestBody(_logger, call.Operation, maskedBody);
        }

        var started = Stopwatch.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<IxBrowserResponse> outcome;
        try
        {
            // Failures travel through the pipeline as outcomes, not exceptions: each throw and rethrow
            // through an async frame costs a stack-trace capture, and the failure path is measured
            // (FailurePathBenchmarks). The state overload and a pooled context avoid per-call closures.
            outcome = await _pipeline.Pipeline.ExecuteOutcomeAsync(static (context, call) => call.AttemptAsync(context.CancellationToken), context, call).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var elapsed = ElapsedMs(started);
        switch (outcome.Exception)
        {
            case null:
                IxBrowserLog.CallSucceeded(_logger, call.Operation, elapsed, call.Attempts);
                return outcome.Result!;
            case TimeoutRejectedException exception:
                var timeout = new IxBrowserTimeoutException(call.Operation, _pipeline.Options.Timeout, exception);
                IxBrowserLog.CallFailed(_logger, call.Operation, elapsed, call.Attempts, IxBrowserLog.Outcome(timeout), null, timeout);
                throw timeout;
            case IxBrowserException exception:
                IxBrowserLog.CallFailed(_logger, call.Operation, elapsed, call.Attempts, IxBrowserLog.Outcome(exception), (exception as IxBrowserApiException)?.Code, exception);
                throw exception;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                IxBrowserLog.CallCancelled(_logger, call.Operation, elapsed, call.Attempts);
                outcome.ThrowIfException();
                break;
            default:
                // Not ours and not expected; rethrown with its original stack trace.
                outcome.ThrowIfException();
                break;
        }

        throw new InvalidOperationException("Unreachable: every outcome returns or throws above.");
    }

    private async ValueTask<Outcome<IxBrowserResponse>> SendOnceAsync(Call call, CancellationToken cancellationToken)
    {
        IxBrowserResponse response;
        try
        {
            response = call.Request switch
            {
                UpdateProxyRequest update => await _generated.UpdateProxyAsync(update, cancellationToken).ConfigureAwait(false),
                UpdateProfileProxyForApiExtractionRequest extraction => await _generated.UpdateProfileProxyForApiExtractionAsync(extraction, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException("Unknown request type " + call.Request.GetType().Name),
            };
        }
        catch (GeneratedClientException exception)
        {
            return Outcome.FromException<IxBrowserResponse>(CallFailures.NotAnEnvelope(call.Operation, BaseAddress, exception, call.Secrets()));
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's token or the pipeline's per-attempt timeout; the pipeline tells them apart.
            return Outcome.FromException<IxBrowserResponse>(exception);
        }
        catch (OperationCanceledException exception)
        {
            // Neither: the HttpClient's own Timeout elapsed.
            return Outcome.FromException<IxBrowserResponse>(new IxBrowserTimeoutException(call.Operation, _httpClient.Timeout, exception));
        }
        catch (Exception exception) when (CallFailures.IsTransportFailure(exception))
        {
            return Outcome.FromException<IxBrowserResponse>(CallFailures.Unreachable(call.Operation, BaseAddress, exception));
        }

        var expectedData = call.Request is UpdateProxyRequest ? IxBrowserDataKind.JsonInteger : IxBrowserDataKind.JsonString;
        if (response.Status.Code == 0 && response.Data?.Kind == expectedData)
        {
            return Outcome.FromResult(response);
        }

        return Outcome.FromException<IxBrowserResponse>(CallFailures.Failure(call.Operation, BaseAddress, response, expectedData, call.Secrets()));
    }

    /// <summary>One call through the pipeline: what it sends, and how many attempts it took.</summary>
    private sealed class Call(IxBrowserClient client, string operation, object request)
    {
        public string Operation { get; } = operation;

        public object Request { get; } = request;

        public int Attempts { get; private set; }

        public ValueTask<Outcome<IxBrowserResponse>> AttemptAsync(CancellationToken cancellationToken)
        {
            // Attempts run one after another (retries never overlap), so no interlocking is needed.
            Attempts++;
            return client.SendOnceAsync(this, cancellationToken);
        }

        /// <summary>The request's secret values, to strip from what the server sends back. Only built on failure.</summary>
        public string?[] Secrets() => Request switch
        {
            UpdateProxyRequest update => new[] { update.ProxyPassword, update.ProxyUser },
            UpdateProfileProxyForApiExtractionRequest extraction => new[] { extraction.ProxyInfo?.ProxyUrl },
            _ => Array.Empty<string?>(),
        };
    }

    private static long ElapsedMs(long started) => (long)((Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency);
}
