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
/// The retry pipeline (Polly) of the calls, built from validated options: one per gate, that is per
/// address the clients send to (with dependency injection, one set per application). The gate is
/// the address's, not the options': a client whose HttpClient names another server paces for that
/// server.
/// </summary>
/// <remarks>
/// An attempt is the gate (<see cref="IxBrowserGate.EnterAsync"/>: a concurrency slot, then a permit of
/// the learned pace; waiting for either does not count towards the timeout), then the request under the
/// attempt's own timeout (<see cref="AttemptTimeout"/>). Polly runs the retries around attempts: for 1010
/// within TooFastPatience, paced by the gate; for 1004 and failed connections up to MaxRetryAttempts with
/// exponential backoff and jitter, as <see cref="ShouldRetry"/> allows. A call's first attempt runs
/// without Polly, which is entered only after a failure it may retry: a resilience pipeline of a
/// timeout, a gate and a retry layer cost 1-1.4 µs a call, more than the rest of the client
/// (docs/performance.md). The retries wrap the whole operation, not the HTTP handler, because the
/// API reports 1010 and 1004 inside HTTP 200: only after the envelope is read is a failure known.
/// </remarks>
internal sealed class IxBrowserCallPipeline
{
    /// <summary>The call a retry decision is about: its operation's retry safety, when it started, and its retries that count towards MaxRetryAttempts.</summary>
    internal static readonly ResiliencePropertyKey<IxBrowserCall> CallKey = new("IxBrowser.Call");

    private readonly ILogger _logger;
    private readonly ConditionalWeakTable<IxBrowserGate, Retries> _retries = new();
    private readonly ConcurrentDictionary<string, IxBrowserGate> _ownGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeoutWindows? _deadlines;
    private readonly TimeoutWindows? _longRunningDeadlines;

    public IxBrowserCallPipeline(IxBrowserClientOptions options, ILogger? logger)
    {
        IxBrowserClientOptionsValidator.ThrowIfInvalid(options);
        Options = options.Clone();
        _logger = logger ?? NullLogger.Instance;
        _deadlines = TimeoutWindows.For(Options.Timeout);
        _longRunningDeadlines = TimeoutWindows.For(Options.LongRunningTimeout);
    }

    /// <summary>
    /// The gate of the address a client actually sends to (shared by the process unless ShareGate is
    /// off, then this pipeline's own) and the Polly pipeline that retries its calls; no pipeline when
    /// MaxRetryAttempts is 0.
    /// </summary>
    public (IxBrowserGate Gate, ResiliencePipeline? Retries) For(Uri address)
    {
        var gate = Options.ShareGate
            ? IxBrowserGate.Shared(address, Options)
            : _ownGates.GetOrAdd(IxBrowserGate.Key(address), key => new IxBrowserGate(Options, key));
        return (gate, _retries.GetValue(gate, g => new Retries(Build(g))).Pipeline);
    }

    /// <summary>The attempt timeout of an operation: <see cref="IxBrowserClientOptions.LongRunningTimeout"/> for an x-long-running one.</summary>
    public TimeSpan TimeoutOf(IxBrowserOperation operation) => operation.LongRunning ? Options.LongRunningTimeout : Options.Timeout;

    /// <summary>The deadlines of that timeout, shared by every client of this pipeline; null when it is infinite.</summary>
    public TimeoutWindows? DeadlinesOf(IxBrowserOperation operation) => operation.LongRunning ? _longRunningDeadlines : _deadlines;

    /// <summary>A gate's retry pipeline, or none (a holder, since a weak table cannot map to null).</summary>
    private sealed class Retries(ResiliencePipeline? pipeline)
    {
        public ResiliencePipeline? Pipeline { get; } = pipeline;
    }

    private ResiliencePipeline? Build(IxBrowserGate gate)
    {
        if (Options.MaxRetryAttempts == 0)
        {
            return null;
        }

        return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
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
        }).Build();
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
