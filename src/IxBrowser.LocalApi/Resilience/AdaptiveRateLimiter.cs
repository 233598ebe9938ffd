using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi;

/// <summary>
/// Paces requests at the rate the desktop app accepts, which it learns from error 1010 ("too fast").
/// A <see cref="System.Threading.RateLimiting.RateLimiter"/>, so that Polly's rate limiter strategy runs it; the adaptation is the
/// only hand-written part.
/// </summary>
/// <remarks>
/// <para><b>Down.</b> Until the first 1010 it holds nothing back (or paces at the configured cap). On a
/// 1010 it counts the requests the app accepted from it in the last second since it last slowed down:
/// that is what the app's window holds for this client. The new rate is 85 % of that. When nothing
/// was accepted since it last slowed down, the app's window is still full of older traffic (the limit
/// fell, or another process fills it): the rate drops by 15 % and nothing goes until a second after
/// its last request, so the window drains. A 1010 for a request sent before the last decrease was
/// already accounted for and changes nothing.</para>
/// <para><b>Up.</b> While calls succeed the rate grows by a share of itself that doubles every two
/// seconds without a 1010 (6 % a second at first): slowly near the limit it just found, fast when the
/// app's limit has risen. Never above the cap.</para>
/// <para><b>Shares.</b> Two processes against one app each run their own pacer. A process sending
/// more meets more of the 1010s, so it slows down more often, and their shares drift together.</para>
/// </remarks>
internal sealed class AdaptiveRateLimiter : RateLimiter
{
    private const double Backoff = 0.85;
    private const double FirstGrowthPerSecond = 0.06;
    private const double GrowthDoublingSeconds = 2;
    private const double MaxGrowthExponent = 8;
    private const double MinimumRate = 1;
    private static readonly long Second = Stopwatch.Frequency;

    private readonly object _gate = new();
    private readonly double _cap;
    private readonly Queue<long> _granted = new();
    private readonly Queue<long> _accepted = new();
    private double _rate;
    private long _next;
    private long _lastDecrease = long.MinValue;
    private long _idleSince = Stopwatch.GetTimestamp();

    /// <param name="maxRequestsPerSecond">The cap; <see langword="null"/> to start unlimited and learn.</param>
    public AdaptiveRateLimiter(double? maxRequestsPerSecond)
    {
        _cap = maxRequestsPerSecond ?? double.PositiveInfinity;
        _rate = _cap;
    }

    /// <summary>The rate it paces at now, in requests a second; <see langword="null"/> while unlimited.</summary>
    public double? CurrentRate
    {
        get
        {
            lock (_gate)
            {
                return double.IsPositiveInfinity(_rate) ? null : _rate;
            }
        }
    }

    /// <summary>How many times a 1010 lowered the rate.</summary>
    public int Decreases { get; private set; }

    /// <summary>How long the next request would wait for its permit now.</summary>
    public TimeSpan Hold
    {
        get
        {
            lock (_gate)
            {
                var wait = _next - Stopwatch.GetTimestamp();
                return wait > 0 ? TimeSpan.FromSeconds((double)wait / Second) : TimeSpan.Zero;
            }
        }
    }

    public override TimeSpan? IdleDuration => TimeSpan.FromSeconds((double)(Stopwatch.GetTimestamp() - Volatile.Read(ref _idleSince)) / Second);

    /// <summary>A timestamp for <see cref="OnSuccess"/> and <see cref="OnTooFast"/>: when a request went out.</summary>
    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>The request sent at <paramref name="sentAt"/> was refused as too fast (1010): slow down.</summary>
    public void OnTooFast(long sentAt)
    {
        lock (_gate)
        {
            if (sentAt < _lastDecrease)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            Prune(now);
            var since = Math.Max(_lastDecrease, now - Second);
            var accepted = 0;
            foreach (var at in _accepted)
            {
                accepted += at >= since ? 1 : 0;
            }

            var current = double.IsPositiveInfinity(_rate) ? Math.Max(MinimumRate, _granted.Count) : _rate;
            if (accepted > 0)
            {
                _rate = Math.Min(_cap, Math.Max(MinimumRate, Math.Min(current, accepted) * Backoff));
                _next = Math.Max(_next, now + (long)(Second / _rate));
            }
            else
            {
                // Nothing of ours got in since the last decrease: the app's window is full of older
                // requests. Wait until our own requests of the last second have left it.
                _rate = Math.Min(_cap, Math.Max(MinimumRate, current * Backoff));
                _next = Math.Max(_next, Math.Max(now, LastGrant()) + Second);
            }

            _lastDecrease = now;
            Decreases++;
        }
    }

    /// <summary>The request sent at <paramref name="sentAt"/> succeeded: count it, and probe a little higher, up to the cap.</summary>
    public void OnSuccess(long sentAt)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            _accepted.Enqueue(sentAt);
            while (_accepted.Count > 0 && now - _accepted.Peek() > Second)
            {
                _accepted.Dequeue();
            }

            if (!double.IsPositiveInfinity(_rate))
            {
                // r successes a second each add the growth: the rate grows by that share of itself a second.
                var calm = _lastDecrease == long.MinValue ? MaxGrowthExponent * GrowthDoublingSeconds : (double)(now - _lastDecrease) / Second;
                var growth = FirstGrowthPerSecond * Math.Pow(2, Math.Min(MaxGrowthExponent, calm / GrowthDoublingSeconds));
                _rate = Math.Min(_cap, _rate + growth);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (_next > now)
            {
                return Lease.Refused;
            }

            Grant(now);
            return Lease.Acquired;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        long wait;
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            var at = Math.Max(now, _next);
            Grant(at);
            wait = at - now;
        }

        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)wait / Second), cancellationToken).ConfigureAwait(false);
        }

        return Lease.Acquired;
    }

    /// <summary>Records a permit at <paramref name="at"/> and books the next one an interval later. Call under the lock.</summary>
    private void Grant(long at)
    {
        Prune(at);
        _granted.Enqueue(at);
        _idleSince = at;
        _next = double.IsPositiveInfinity(_rate) ? at : at + (long)(Second / _rate);
    }

    private long LastGrant()
    {
        var last = long.MinValue;
        foreach (var at in _granted)
        {
            last = Math.Max(last, at);
        }

        return last;
    }

    private void Prune(long now)
    {
        while (_granted.Count > 0 && now - _granted.Peek() > Second)
        {
            _granted.Dequeue();
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => Array.Empty<string>();

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
