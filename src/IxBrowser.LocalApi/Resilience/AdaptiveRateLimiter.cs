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
/// <para>Until the first 1010 it does not hold anything back (or paces at the configured cap). On a
/// 1010 it counts the permits it granted in the last second (the app's window, refused requests
/// included, as ixBrowser counts them), sets the rate just below that, and holds the next permit until
/// that many fit in a trailing second again, so the requests refused at once do not keep the app's
/// window full. While calls succeed the rate creeps up (2 % a second) to find a higher limit again,
/// never above the cap. One decrease per second: the 1010s of one episode count once.</para>
/// </remarks>
internal sealed class AdaptiveRateLimiter : RateLimiter
{
    private const double Backoff = 0.95;
    private const double IncreasePerSuccess = 0.02;
    private const double MinimumRate = 1;
    private static readonly long Second = Stopwatch.Frequency;

    private readonly object _gate = new();
    private readonly double _cap;
    private readonly Queue<long> _granted = new();
    private double _rate;
    private long _next;
    private long _holdDecreasesUntil;
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

    public override TimeSpan? IdleDuration => TimeSpan.FromSeconds((double)(Stopwatch.GetTimestamp() - Volatile.Read(ref _idleSince)) / Second);

    /// <summary>A request was refused as too fast (1010): slow down to what the app accepted in the last second.</summary>
    public void OnTooFast()
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (now < _holdDecreasesUntil)
            {
                return;
            }

            Prune(now);
            var accepted = Math.Max(MinimumRate, Math.Min(_rate, _granted.Count - 1) * Backoff);
            _rate = Math.Min(_cap, accepted);
            Decreases++;

            // Hold the next permit until the trailing second holds fewer permits than the new rate.
            var room = Math.Max(0, (int)Math.Floor(_rate) - 1);
            var resume = now;
            if (_granted.Count > room)
            {
                var index = _granted.Count - room - 1;
                foreach (var granted in _granted)
                {
                    if (index-- == 0)
                    {
                        resume = granted + Second;
                        break;
                    }
                }
            }

            _next = Math.Max(_next, resume);
            _holdDecreasesUntil = _next + Second;
        }
    }

    /// <summary>A request succeeded: probe a little higher, up to the cap.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            if (!double.IsPositiveInfinity(_rate))
            {
                _rate = Math.Min(_cap, _rate + IncreasePerSuccess);
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
