using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.RateLimiting;

namespace IxBrowser.LocalApi;

/// <summary>
/// The Polly pipeline every call runs through, built once from validated options and shared by all
/// clients that use the same options (with dependency injection, one per application), so that the
/// concurrency limit holds across client instances.
/// </summary>
/// <remarks>
/// Order, outermost first: retry (for 1010 within TooFastPatience, paced by the gate; for 1004 and
/// failed connections up to MaxRetryAttempts with exponential backoff and jitter, as
/// <see cref="ShouldRetry"/> allows), the gate's concurrency limiter and adaptive pace (waiting for
/// either does not count towards the timeout), per-attempt timeout. The strategies wrap the whole operation, not the HTTP handler, because the
/// API reports 1010 and 1004 inside HTTP 200: only after the envelope is read is a failure known.
/// </remarks>
internal sealed class IxBrowserCallPipeline
{
    /// <summary>What a retry decision needs to know about the call: when it started, and its retries that count towards MaxRetryAttempts.</summary>
    internal static readonly ResiliencePropertyKey<CallProgress> ProgressKey = new("IxBrowser.CallProgress");

    public IxBrowserCallPipeline(IxBrowserClientOptions options, ILogger? logger)
    {
        IxBrowserClientOptionsValidator.ThrowIfInvalid(options);
        Options = options.Clone();
        Gate = IxBrowserGate.For(Options.BaseAddress ?? IxBrowserClient.DefaultBaseAddress, Options);
        logger ??= NullLogger.Instance;
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
                    if (!IsTooFast(failure) && args.Context.Properties.TryGetValue(ProgressKey, out var progress))
                    {
                        progress.CountedRetries++;
                    }

                    IxBrowserLog.Retrying(logger, (failure as IxBrowserException)?.Operation ?? "call", args.AttemptNumber + 1, failure, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        // The slot first, then the pace: a call waits for its permit while holding the slot, so a slow
        // answer cannot let permits pile up and go out together.
        builder.AddRateLimiter(Gate.Concurrency);
        builder.AddRateLimiter(Gate.Pace);
        if (Options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(Options.Timeout);
        }

        Pipeline = builder.Build();
    }

    /// <summary>The concurrency limit and pace this pipeline's calls go through (shared by address unless ShareGate is off).</summary>
    public IxBrowserGate Gate { get; }

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
        IxBrowserConnectionException connection => connection.NothingSent || retrySafe,
        _ => false,
    };

    private bool ShouldHandle(Exception? failure, ResilienceContext context)
    {
        if (!ShouldRetry(failure, (failure as IxBrowserException)?.OperationRetrySafe == true))
        {
            return false;
        }

        if (!context.Properties.TryGetValue(ProgressKey, out var progress))
        {
            return false;
        }

        return IsTooFast(failure)
            ? progress.Elapsed < Options.TooFastPatience
            : progress.CountedRetries < Options.MaxRetryAttempts;
    }

    /// <summary>ixBrowser refused the request as too fast without acting on it (the catalogue's not-applied code, 1010): what the gate learns its pace from.</summary>
    internal static bool IsTooFast(Exception? failure) => failure is IxBrowserApiException api && IxBrowserErrorCodes.IsNotApplied(api.Code);

    /// <summary>A validated copy of the options the pipeline was built from.</summary>
    public IxBrowserClientOptions Options { get; }

    public ResiliencePipeline Pipeline { get; }
}
