using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Serialization;
using IxBrowser.LocalApi.Transport;
using IxBrowser.LocalApi.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using Polly;

namespace IxBrowser.LocalApi;

/// <summary>
/// Client of the ixBrowser Local API. Its operation methods are generated from
/// <c>spec/ixbrowser-local-api.yaml</c> (Generation/Templates/Client.Class.liquid) and all go through
/// one generic call path, here: the request is checked against the spec before it is sent, success is
/// an envelope with <c>error.code == 0</c> inside HTTP 200, every other answer becomes an
/// <see cref="IxBrowserException"/>, transient errors are retried where the spec says it is safe, and
/// at most <see cref="IxBrowserClientOptions.MaxConcurrentRequests"/> calls are in flight.
/// </summary>
/// <remarks>
/// The client does not own the <see cref="HttpClient"/>. Share one client for the whole application,
/// or register it with <c>services.AddIxBrowserClient()</c>: the concurrency limit is per client
/// (per application with dependency injection). Instances are safe for concurrent use.
/// </remarks>
public partial class IxBrowserClient : IIxBrowserClient
{
    private readonly HttpClient _httpClient;
    private readonly ConcurrentDictionary<IxBrowserOperation, Uri> _uris = new();
    private readonly IxBrowserCallPipeline _pipeline;
    private readonly IxBrowserGate _gate;
    private readonly ResiliencePipeline? _retries;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates a client with default options that sends its requests through <paramref name="httpClient"/>,
    /// to its <see cref="HttpClient.BaseAddress"/> or, when it has none, to <see cref="DefaultBaseAddress"/>.
    /// </summary>
    /// <param name="httpClient">The HTTP client to use; not disposed by this client.</param>
    /// <exception cref="ArgumentException">The HttpClient's base address is not a server root, or is plain http to another machine (see <see cref="IxBrowserClientOptions.AllowRemoteHost"/>).</exception>
    public IxBrowserClient(HttpClient httpClient)
        : this(httpClient, new IxBrowserClientOptions())
    {
    }

    /// <summary>Creates a client with <paramref name="options"/> that sends its requests through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">
    /// The HTTP client to use; not disposed by this client. Its BaseAddress is used when
    /// <see cref="IxBrowserClientOptions.BaseAddress"/> is not set; setting both to different addresses is an error.
    /// </param>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <param name="logger">Where to log calls; none if <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and the fix.</exception>
    public IxBrowserClient(HttpClient httpClient, IxBrowserClientOptions options, ILogger<IxBrowserClient>? logger = null)
        : this(httpClient, new IxBrowserCallPipeline(options ?? throw new ArgumentNullException(nameof(options)), logger), logger)
    {
    }

    /// <summary>
    /// Creates a client with <paramref name="options"/> and an HttpClient of the library's own, shared
    /// by every client created this way: one connection pool per process, and a handler that never
    /// follows redirects.
    /// </summary>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and the fix.</exception>
    public IxBrowserClient(IxBrowserClientOptions options)
        : this(IxBrowserHttp.Shared, options, null)
    {
    }

    /// <summary>For dependency injection: the pipeline (and its concurrency limit) is shared by every client of the application.</summary>
    internal IxBrowserClient(HttpClient httpClient, IxBrowserCallPipeline pipeline, ILogger? logger)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _pipeline = pipeline;
        _logger = logger ?? NullLogger.Instance;
        BaseAddress = IxBrowserClientOptionsValidator.ResolveAddress(pipeline.Options, httpClient.BaseAddress);
        (_gate, _retries) = pipeline.For(BaseAddress);
    }

    /// <summary>For mocking frameworks only: a client created this way cannot send requests.</summary>
    protected IxBrowserClient()
    {
        _httpClient = null!;
        _pipeline = null!;
        _gate = null!;
        _retries = null;
        _logger = NullLogger.Instance;
        BaseAddress = DefaultBaseAddress;
    }

    /// <summary>
    /// Forgets the pace learned for the ixBrowser at <paramref name="baseAddress"/> and the concurrency
    /// limit its clients share (see <see cref="IxBrowserClientOptions.ShareGate"/>); clients created
    /// afterwards start afresh. For an app that was restarted with other limits, or a test server that
    /// reuses a port. Clients created before keep the gate they have.
    /// </summary>
    /// <param name="baseAddress">The address whose gate to forget.</param>
    public static void ResetSharedGate(Uri baseAddress) => IxBrowserGate.Forget(baseAddress ?? throw new ArgumentNullException(nameof(baseAddress)));

    /// <summary>Where ixBrowser's local API listens by default: <c>http://127.0.0.1:53200/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("http://127.0.0.1:53200/");

    /// <summary>The gate this client's calls go through (null for a mock made with the protected constructor).</summary>
    internal IxBrowserGate? Gate => _gate;

    /// <summary>The address this client sends its requests to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// The one call path of every operation: the generated operation methods are one line each.
    /// Checks the request against the spec, then runs it through the pipeline.
    /// </summary>
    private Task<IxBrowserResponse<TData>> SendAsync<TRequest, TData>(IxBrowserOperation<TRequest, TData> operation, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
    {
        RequestValidator.Validate(request, operation, typeof(TRequest));
        return ExecuteAsync(new Call<TData>(this, operation, request), cancellationToken);
    }

    private async Task<IxBrowserResponse<TData>> ExecuteAsync<TData>(Call<TData> call, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var maskedBody = RequestBodyMasker.Mask(call.Request);
            IxBrowserLog.RequestBody(_logger, call.Operation.Id, maskedBody);
        }

        // The first attempt runs without Polly (see IxBrowserCallPipeline): nearly every call succeeds
        // or fails for good at once, and the pipeline costs more than the rest of the client.
        var outcome = await call.AttemptAsync(cancellationToken).ConfigureAwait(false);
        if (_retries is not null && IxBrowserCallPipeline.ShouldRetry(outcome.Exception, call.RetrySafe))
        {
            outcome = await RetryAsync(_retries, call, outcome, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Exception is null && !_logger.IsEnabled(LogLevel.Information))
        {
            // A success nobody logs needs no end time: a clock read is a measurable part of a call in memory.
            return outcome.Result!;
        }

        // The call is over: from now on its exception (made for it, see Failed) reads its attempts and time.
        call.Finish();
        var elapsed = (long)call.Elapsed.TotalMilliseconds;
        var operation = call.Operation.Id;
        switch (outcome.Exception)
        {
            case null:
                IxBrowserLog.CallSucceeded(_logger, operation, elapsed, call.Attempts);
                return outcome.Result!;
            case IxBrowserException exception:
                IxBrowserLog.CallFailed(_logger, operation, elapsed, call.Attempts, exception);
                throw exception;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                IxBrowserLog.CallCancelled(_logger, operation, elapsed, call.Attempts);
                outcome.ThrowIfException();
                break;
            default:
                // Not ours and not expected; rethrown with its original stack trace.
                outcome.ThrowIfException();
                break;
        }

        throw new InvalidOperationException("Unreachable: every outcome returns or throws above.");
    }

    /// <summary>
    /// Hands a failed first attempt to the retry pipeline, which decides as for any attempt: it sees the
    /// failure first (replayed, not sent again), then waits and runs the next attempts.
    /// </summary>
    private static async ValueTask<Outcome<IxBrowserResponse<TData>>> RetryAsync<TData>(ResiliencePipeline retries, Call<TData> call, Outcome<IxBrowserResponse<TData>> failure, CancellationToken cancellationToken)
    {
        call.Replay(failure);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(IxBrowserCallPipeline.CallKey, call);
        try
        {
            // Failures travel through the pipeline as outcomes, not exceptions: each throw and rethrow
            // through an async frame costs a stack-trace capture, and the failure path is measured
            // (FailurePathBenchmarks). The state overload and a pooled context avoid per-call closures.
            return await retries.ExecuteOutcomeAsync(static (context, call) => call.AttemptAsync(context.CancellationToken), context, call).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<Outcome<IxBrowserResponse<TData>>> SendOnceAsync<TData>(Call<TData> call, CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        var destination = UriOf(operation);
        int status;
        string? body;
        using var message = new HttpRequestMessage(HttpMethod.Post, destination);

        // The attempt's own timeout: a token shared by the attempts that start within a twentieth of the
        // timeout (TimeoutWindows), not a timer per call, nor Polly's timeout strategy, which cost 0.5 µs
        // more a call (TimeProbe; docs/performance.md).
        var timeout = _pipeline.TimeoutOf(operation);
        using var attemptTimeout = AttemptTimeout.Start(_pipeline.DeadlinesOf(operation), cancellationToken);
        var callerToken = cancellationToken;
        cancellationToken = attemptTimeout.Token;
        try
        {
            message.Content = WireJson.CreateContent(call.Request, message, destination);
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
            using var answer = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = (int)answer.StatusCode;
            if (CallFailures.IsRedirect(answer, destination))
            {
                return Failed(CallFailures.Redirect(operation.Id, BaseAddress, destination, answer, call.Secrets()));
            }

            body = await BoundedBody.ReadAsync(answer, _pipeline.Options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return Failed(CallFailures.TooLarge(operation.Id, BaseAddress, status, answer.Content.Headers.ContentLength, _pipeline.Options.MaxResponseBytes));
            }
        }
        catch (OperationCanceledException exception) when (callerToken.IsCancellationRequested)
        {
            // The caller cancelled: not a failure of the call, and never retried. The exception names
            // the caller's token, not the attempt's linked one, so that a caller can tell its own.
            return Outcome.FromException<IxBrowserResponse<TData>>(exception.CancellationToken == callerToken ? exception : new OperationCanceledException(exception.Message, exception, callerToken));
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            // The attempt's timeout (Timeout, or LongRunningTimeout for an x-long-running operation).
            return Failed(new IxBrowserTimeoutException(operation.Id, timeout, exception));
        }
        catch (OperationCanceledException exception)
        {
            // Neither: the HttpClient's own Timeout elapsed.
            return Failed(new IxBrowserTimeoutException(operation.Id, _httpClient.Timeout, exception));
        }
        catch (Exception exception) when (CallFailures.IsTransportFailure(exception))
        {
            // A handler that follows redirects tried to send the body elsewhere; GuardedJsonContent stopped it.
            return Failed(message.RequestUri != destination
                ? CallFailures.RedirectRefused(operation.Id, BaseAddress, destination, message.RequestUri, exception, call.Secrets())
                : CallFailures.Unreachable(operation, BaseAddress, exception));
        }

        IxBrowserResponse<TData>? response = null;
        Exception? parseError = null;
        if (status == 200 && body.Length > 0)
        {
            try
            {
                response = WireJson.ReadEnvelope<TData>(body);
            }
            catch (JsonException exception)
            {
                parseError = exception;
            }
        }

        if (response is null)
        {
            return Failed(CallFailures.NotAnEnvelope(operation.Id, BaseAddress, status, body, parseError, call.Secrets()));
        }

        if (response.IsSuccess)
        {
            return Outcome.FromResult(response);
        }

        return Failed(CallFailures.Failure(operation, BaseAddress, response, body, call.Secrets(), Internal.WireModel.TargetOf(call.Request)));

        // Every failure of an attempt is made here, for its call: the exception carries the call from
        // the start, and nothing is added to it later.
        Outcome<IxBrowserResponse<TData>> Failed(IxBrowserException failure) =>
            Outcome.FromException<IxBrowserResponse<TData>>(failure.Of(call));
    }

    private Uri UriOf(IxBrowserOperation operation) =>
        _uris.TryGetValue(operation, out var uri) ? uri : _uris.GetOrAdd(operation, new Uri(BaseAddress, operation.Path.TrimStart('/')));

    /// <summary>One call through the pipeline (<see cref="IxBrowserCall"/>), with its attempt for this client and data type.</summary>
    private sealed class Call<TData>(IxBrowserClient client, IxBrowserOperation operation, object request) : IxBrowserCall(operation, request)
    {
        private Outcome<IxBrowserResponse<TData>>? _replay;

        /// <summary>Makes the next <see cref="AttemptAsync"/> hand back <paramref name="outcome"/> instead of sending (the first attempt's failure, for the retry pipeline to judge).</summary>
        public void Replay(Outcome<IxBrowserResponse<TData>> outcome) => _replay = outcome;

        /// <summary>One attempt: through the gate, then the request under the attempt's timeout; what the app said about the pace is what the gate learns from.</summary>
        public async ValueTask<Outcome<IxBrowserResponse<TData>>> AttemptAsync(CancellationToken cancellationToken)
        {
            if (_replay is { } replayed)
            {
                _replay = null;
                return replayed;
            }

            // A long-running operation (profile-open: the app starts a browser, 10-60 s) takes no
            // concurrency slot, so that one slow open does not hold back every other call (closes,
            // lists, the next open); it is still paced, and gets LongRunningTimeout. How many browsers
            // open at once is the caller's cap (IxBrowserProfileRunOptions.MaxOpenBrowsers).
            GatePass pass;
            try
            {
                pass = await client._gate.EnterAsync(takeSlot: !Operation.LongRunning, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception)
            {
                // Cancelled while queued for the gate: an outcome, as every failure of an attempt.
                return Outcome.FromException<IxBrowserResponse<TData>>(exception);
            }

            using (pass)
            {
                Attempts++;
                var pace = client._gate.Pace;

                // Let through at once, the attempt goes out when its permit was granted (no clock read);
                // after a wait, the send may be later than the permit's time, which the pace is told.
                var sentAt = pass.GrantedAt;
                if (sentAt == 0)
                {
                    sentAt = AdaptiveRateLimiter.Now();
                    pace.OnSent(sentAt);
                }

                var outcome = await client.SendOnceAsync(this, cancellationToken).ConfigureAwait(false);
                if (outcome.Exception is null)
                {
                    pace.OnSuccess(sentAt);
                }
                else if (IxBrowserCallPipeline.IsTooFast(outcome.Exception))
                {
                    pace.OnTooFast(sentAt);
                }

                return outcome;
            }
        }

        /// <summary>The request's secret values (the spec's x-secret), to strip from what the server sends back. Only built on failure.</summary>
        public List<string> Secrets() => Internal.WireModel.SecretValues(Request);
    }
}
