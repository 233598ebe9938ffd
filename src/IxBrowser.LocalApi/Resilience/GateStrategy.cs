using System;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Polly;
using Polly.RateLimiting;

namespace IxBrowser.LocalApi;

/// <summary>
/// The gate as one Polly strategy: a concurrency slot (unless the operation is long-running), then a
/// permit of the pace, then the attempt; the slot is released when the attempt ends. The same two
/// limiters as Polly's rate-limiter strategy would run, in the same order, but in one layer that
/// takes both permits without awaiting when they are free at once, which is nearly every call: two
/// rate-limiter layers cost 0.65-0.85 µs a call (docs/performance.md). Waiting for a permit still
/// happens outside the attempt's timeout, which is the next layer in.
/// </summary>
internal sealed class GateStrategy(ConcurrencyLimiter? slots, RateLimiter pace) : ResilienceStrategy
{
    /// <summary>Adds the gate of <paramref name="gate"/> to <paramref name="builder"/>; without the slot for a long-running operation.</summary>
    public static void AddTo(ResiliencePipelineBuilder builder, IxBrowserGate gate, bool takeSlot) =>
        builder.AddStrategy(_ => new GateStrategy(takeSlot ? gate.Concurrency : null, gate.Pace), new Options());

    protected override ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        var slot = slots?.AttemptAcquire();
        if (slot is { IsAcquired: false })
        {
            // Others hold every slot or wait for one: queue behind them.
            slot.Dispose();
            return WaitThenExecuteAsync(callback, context, state, slot: null);
        }

        using (var permit = pace.AttemptAcquire())
        {
            if (!permit.IsAcquired)
            {
                return WaitThenExecuteAsync(callback, context, state, slot);
            }
        }

        ValueTask<Outcome<TResult>> attempt;
        try
        {
            attempt = callback(context, state);
        }
        catch (Exception exception)
        {
            slot?.Dispose();
            return new ValueTask<Outcome<TResult>>(Outcome.FromException<TResult>(exception));
        }

        if (slot is null)
        {
            return attempt;
        }

        if (attempt.IsCompleted)
        {
            slot.Dispose();
            return attempt;
        }

        return ReleaseWhenDoneAsync(attempt, slot, context);
    }

    private static async ValueTask<Outcome<TResult>> ReleaseWhenDoneAsync<TResult>(ValueTask<Outcome<TResult>> attempt, RateLimitLease slot, ResilienceContext context)
    {
        using (slot)
        {
            return await attempt.ConfigureAwait(context.ContinueOnCapturedContext);
        }
    }

    /// <summary>The slow way: wait for whatever permit is missing (cancellable), then run the attempt.</summary>
    private async ValueTask<Outcome<TResult>> WaitThenExecuteAsync<TResult, TState>(Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state, RateLimitLease? slot)
    {
        try
        {
            if (slots is not null && slot is null)
            {
                slot = await slots.AcquireAsync(1, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
                if (!slot.IsAcquired)
                {
                    return Outcome.FromException<TResult>(new RateLimiterRejectedException());
                }
            }

            using (var permit = await pace.AcquireAsync(1, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext))
            {
                if (!permit.IsAcquired)
                {
                    return Outcome.FromException<TResult>(new RateLimiterRejectedException());
                }
            }

            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception exception)
        {
            // A cancelled wait: Polly's strategies hand failures on as outcomes, never as throws.
            return Outcome.FromException<TResult>(exception);
        }
        finally
        {
            slot?.Dispose();
        }
    }

    /// <summary>Polly asks every strategy for options; the gate has none of its own.</summary>
    private sealed class Options : ResilienceStrategyOptions
    {
        public Options() => Name = "IxBrowserGate";
    }
}
