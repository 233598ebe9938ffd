using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace IxBrowser.LocalApi;

/// <summary>
/// The Polly pipelines calls run through, built from validated options: one per gate, that is per
/// address the clients send to (with dependency injection, one set per application). The gate is
/// the address's, not the options': a client whose HttpClient names another server paces for that
/// server.
/// </summary>
/// <remarks>
/// Order, outermost first: retry (for 1010 within TooFastPatience, paced by the gate; for 1004 and
/// failed connections up to MaxRetryAttempts with exponential backoff and jitter, as
/// <see cref="ShouldRetry"/> allows), the gate's concurrency limiter and adaptive pace as one strategy (<see cref="GateStrategy"/>; waiting for
/// either does not count towards the timeout), per-attempt timeout. The strategies wrap the whole operation, not the HTTP handler, because the
/// API reports 1010 and 1004 inside HTTP 200: only after the envelope is read is a failure known.
/// </remarks>
internal sealed class IxBrowserCallPipeline
{
    /// <summary>The call a retry decision is about: its operation's retry safety, when it started, and its retries that count towards MaxRetryAttempts.</summary>
    internal static readonly ResiliencePropertyKey<IxBrowserCall> CallKey = new("IxBrowser.Call");

    private readonly ILogger _logger;
    private readonly ConditionalWeakTable<IxBrowserGate, GatePipelines> _pipelines = new();
    private readonly ConcurrentDictionary<string, IxBrowserGate> _ownGates = new(StringComparer.OrdinalIgnoreCase);

    public IxBrowserCallPipeline(IxBrowserClientOptions options, ILogger? logger)
    {
        IxBrowserClientOptionsValidator.ThrowIfInvalid(options);
        Options = options.Clone();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// The gate of the address a client actually sends to (shared by the process unless ShareGate is
    /// off, then this pipeline's own) and the Polly pipeline that runs calls through it.
    /// </summary>
    public (IxBrowserGate Gate, GatePipelines Pipelines) For(Uri address)
    {
        var gate = Options.ShareGate
            ? IxBrowserGate.Shared(address, Options)
            : _ownGates.GetOrAdd(IxBrowserGate.Key(address), key => new IxBrowserGate(Options, key));
        return (gate, _pipelines.GetValue(gate, g => new GatePipelines(Build(g, longRunning: false), Build(g, longRunning: true))));
    }

    /// <summary>The attempt timeout of an operation: <see cref="IxBrowserClientOptions.LongRunningTimeout"/> for an x-long-running one.</summary>
    public TimeSpan TimeoutOf(IxBrowserOperation operation) => operation.LongRunning ? Options.LongRunningTimeout : Options.Timeout;

    /// <summary>
    /// The two pipelines of a gate. A long-running operation (profile-open: the app starts a browser,
    /// 10-60 s) takes no concurrency slot, so that one slow open does not hold back every other call
    /// (closes, lists, the next open); it is still paced, and gets LongRunningTimeout per attempt.
    /// How many browsers open at once is the caller's cap (IxBrowserProfileRunOptions.MaxOpenBrowsers).
    /// </summary>
    internal sealed class GatePipelines(ResiliencePipeline regular, ResiliencePipeline longRunning)
    {
        public ResiliencePipeline For(IxBrowserOperation operation) => operation.LongRunning ? longRunning : regular;
    }

    private ResiliencePipeline Build(IxBrowserGate gate, bool longRunning)
    {
        var builder = new ResiliencePipelineBuilder();
        if (Options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                // The budget is decided per failure in ShouldHandle: 1010 by time (TooFastPatience), the rest by count.
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Options.RetryBaseDelay,
                MaxDelay = Options.MaxRetryDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldHandle(args.Outcome.Exception, args.Context)),
                // A 1010 needs no backoff of its own: the gate's pace already holds the next attempt back.
                DelayGenerator = args => new ValueTask<TimeSpan?>(IsTooFast(args.Outcome.Exception) ? TimeSpan.Zero : null),
                OnRetry = args =>
                {
                    var failure = args.Outcome.Exception;
                    var tooFast = IsTooFast(failure);
                    if (!tooFast && args.Context.Properties.TryGetValue(CallKey, out var progress))
                    {
                        progress.CountedRetries++;
                    }

                    // After a 1010 the wait is the gate's hold, not the retry delay (which is zero).
                    var wait = tooFast ? gate.Pace.Hold : args.RetryDelay;
                    IxBrowserLog.Retrying(_logger, (failure as IxBrowserException)?.Operation ?? "call", args.AttemptNumber + 1, failure, (long)wait.TotalMilliseconds);
                    return default;
                },
            });
        }

        // The slot first, then the pace: a call waits for its permit while holding the slot, so a slow
        // answer cannot let permits pile up and go out together. One layer for both (GateStrategy).
        GateStrategy.AddTo(builder, gate, takeSlot: !longRunning);
        var timeout = longRunning ? Options.LongRunningTimeout : Options.Timeout;
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(timeout);
        }

        return builder.Build();
    }

    /// <summary>
    /// Which failures are retried. A transient code the catalogue marks not-applied (1010, "too
    /// fast") and a refused connection mean ixBrowser did not act on the request, so any operation is
    /// retried. Another transient code (1004) and a connection that broke after the request went out
    /// may follow a request that was applied: only an operation whose spec says x-retry-safe is sent
    /// again, so that a create never runs twice because an answer was lost.
    /// </summary>
    public static bool ShouldRetry(Exception? failure, bool retrySafe) => failure switch
    {
        IxBrowserApiException api => api.IsTransient && (retrySafe || IxBrowserErrorCodes.IsNotApplied(api.Code)),
        IxBrowserConnectionException connection => !connection.Permanent && (connection.NothingSent || retrySafe),
        _ => false,
    };

    private bool ShouldHandle(Exception? failure, ResilienceContext context)
    {
        if (!context.Properties.TryGetValue(CallKey, out var call) || !ShouldRetry(failure, call.RetrySafe))
        {
            return false;
        }

        return IsTooFast(failure)
            ? call.Elapsed < Options.TooFastPatience
            : call.CountedRetries < Options.MaxRetryAttempts;
    }

    /// <summary>ixBrowser refused the request as too fast without acting on it (the catalogue's not-applied code, 1010): what the gate learns its pace from.</summary>
    internal static bool IsTooFast(Exception? failure) => failure is IxBrowserApiException api && IxBrowserErrorCodes.IsNotApplied(api.Code);

    /// <summary>A validated copy of the options the pipeline was built from.</summary>
    public IxBrowserClientOptions Options { get; }

}
