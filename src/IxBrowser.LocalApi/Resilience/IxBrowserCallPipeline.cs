using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace IxBrowser.LocalApi;

/// <summary>
/// The Polly pipeline every call runs through, built once from validated options and shared by all
/// clients that use the same options (with dependency injection, one per application), so that the
/// concurrency limit holds across client instances.
/// </summary>
/// <remarks>
/// Order, outermost first: retry (exponential backoff with jitter, for 1010, 1004 and failed
/// connections, as <see cref="ShouldRetry"/> allows), concurrency limiter (waiting for a slot does not count towards the timeout),
/// per-attempt timeout. The strategies wrap the whole operation, not the HTTP handler, because the
/// API reports 1010 and 1004 inside HTTP 200: only after the envelope is read is a failure known.
/// </remarks>
internal sealed class IxBrowserCallPipeline
{
    public IxBrowserCallPipeline(IxBrowserClientOptions options, ILogger? logger)
    {
        IxBrowserClientOptionsValidator.ThrowIfInvalid(options);
        Options = options.Clone();
        logger ??= NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder();
        if (Options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Options.RetryBaseDelay,
                MaxDelay = Options.MaxRetryDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, (args.Outcome.Exception as IxBrowserException)?.OperationRetrySafe == true)),
                OnRetry = args =>
                {
                    var failure = args.Outcome.Exception;
                    IxBrowserLog.Retrying(logger, (failure as IxBrowserException)?.Operation ?? "call", args.AttemptNumber + 1, failure, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddConcurrencyLimiter(Options.MaxConcurrentRequests, queueLimit: int.MaxValue);
        if (Options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(Options.Timeout);
        }

        Pipeline = builder.Build();
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
        IxBrowserConnectionException connection => connection.NothingSent || retrySafe,
        _ => false,
    };

    /// <summary>A validated copy of the options the pipeline was built from.</summary>
    public IxBrowserClientOptions Options { get; }

    public ResiliencePipeline Pipeline { get; }
}
