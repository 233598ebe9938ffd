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
/// that is its share of the app's window. The new rate is 85 % of that, and the next request waits
/// until its own requests of the trailing second leave room for one more. When nothing was accepted
/// since it last slowed down, the app's window is full of older traffic (the limit fell) or of
/// another process's: the rate halves, the next request waits until its own requests leave room for
/// the new rate, and the rate climbs back fast (doubling a second) until the next 1010 measures the
/// limit again. A 1010 for a request sent before the last decrease was already accounted for.</para>
/// <para><b>Up.</b> While calls succeed the rate grows by a share of itself that doubles every two
/// seconds without a 1010 (6 % a second at first): slowly near the limit it just found, fast when the
/// app's limit has risen. Never above the cap.</para>
/// <para><b>Shares.</b> Two processes against one app each run their own pacer, and a 1010 does not say
/// whose requests filled the window. From their own answers alone, the one that joins later is pushed
/// down to a trickle and climbs back only slowly. So paced gates tell each other how much they send
/// (<see cref="PacePeers"/>): on a 1010, each gate's fair share is what all of them sent in the trailing
/// second over their number. A gate below 90 % of its share does not slow down: it rises to 85 % of the
/// share (the others slow down), and a gate that joins while others are paced starts there instead of at
/// its burst. The gate that sends the most always slows down, never above the share, so together they
/// still come back under the limit.</para>
/// </remarks>
internal sealed class AdaptiveRateLimiter : RateLimiter
{
    private const double Backoff = 0.85;
    private const double Overload = 0.5;
    private const double ProbingGrowthPerSecond = 0.7;
    private const double FirstGrowthPerSecond = 0.06;
    private const double GrowthDoublingSeconds = 2;
    private const double MaxGrowthExponent = 8;
    private const double MinimumRate = 1;
    private const double HoldBelowPeers = 0.9;
    private static readonly long Second = Stopwatch.Frequency;
    private static readonly long Margin = Stopwatch.Frequency / 40;

    // A timer's wait ends a millisecond or two late as a rule (more on a busy machine); booking from such
    // sends would slow every paced call down (at 100/s by 8 %, measured). Only a send later than this,
    // and than a quarter of the interval, is a held-up one.
    private static readonly long LateSend = Stopwatch.Frequency / 50;

    private readonly object _gate = new();
    private readonly double _cap;
    private readonly PacePeers? _peers;
    private readonly Queue<long> _granted = new();
    private readonly Queue<long> _accepted = new();
    private double _rate;
    private bool _probing;
    private long _next;
    private long _lastDecrease = long.MinValue;
    private long _idleSince = Stopwatch.GetTimestamp();

    /// <param name="maxRequestsPerSecond">The cap; <see langword="null"/> to start unlimited and learn.</param>
    /// <param name="peers">The other processes' gates of this app; <see langword="null"/> to pace on this gate's answers alone.</param>
    public AdaptiveRateLimiter(double? maxRequestsPerSecond, PacePeers? peers = null)
    {
        _cap = maxRequestsPerSecond ?? double.PositiveInfinity;
        _rate = _cap;
        _peers = peers;
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

    /// <summary>How many times a 1010 did not slow this gate down, because it sent less than its fair share (it rose to the share instead).</summary>
    public int HeldForPeers { get; private set; }

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
        // Read before the lock: file access must not hold back the requests waiting for a permit.
        var others = sentAt < Volatile.Read(ref _lastDecrease) ? null : _peers?.ReadOthers(DateTime.UtcNow);
        lock (_gate)
        {
            if (sentAt < _lastDecrease)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            Prune(now);
            var share = double.PositiveInfinity;
            if (others is { Count: > 0 } && RisesToShare(others, now, out share))
            {
                return;
            }

            // In the app's window now: our successes of the trailing second. Since the last decrease:
            // whether any got in at all after it.
            var window = now - Second;
            var accepted = 0;
            var acceptedSinceDecrease = 0;
            foreach (var at in _accepted)
            {
                accepted += at >= window ? 1 : 0;
                acceptedSinceDecrease += at >= window && at >= _lastDecrease ? 1 : 0;
            }

            var current = Math.Min(share, double.IsPositiveInfinity(_rate) ? Math.Max(MinimumRate, _granted.Count) : _rate);
            if (acceptedSinceDecrease > 0)
            {
                // The app let `accepted` of ours into its window: that is our share of it now.
                _rate = Math.Min(_cap, Math.Max(MinimumRate, Math.Min(current, accepted) * Backoff));
                _next = Math.Max(_next, Math.Max(now + (long)(Second / _rate), WhenOwnCountIs(accepted - 1)));
                _probing = false;
            }
            else
            {
                // Nothing of ours got in since the last decrease: the window is full of older traffic
                // (the limit fell) or of another process's. Halve, and wait until our own requests
                // leave room for the new rate.
                _rate = Math.Min(_cap, Math.Max(MinimumRate, current * Overload));
                _next = Math.Max(_next, Math.Max(now + (long)(Second / _rate), WhenOwnCountIs((int)Math.Floor(_rate) - 1)));

                // Halving may go well below the app's limit: climb back fast until the next 1010 measures it.
                _probing = true;
            }

            _lastDecrease = now;
            Decreases++;
        }
    }

    /// <summary>
    /// A 1010 while other gates send to the app too: the app's window holds about what all of them sent in
    /// the trailing second, so each one's fair share is that sum over their number. A gate that sent less
    /// than 90 % of its share rises to 85 % of it and only spaces its next request (the others slow down);
    /// the others go on to the usual decrease, with the share as the ceiling. Call under the lock.
    /// Returns whether the 1010 is answered.
    /// </summary>
    private bool RisesToShare(List<int> others, long now, out double share)
    {
        var own = _granted.Count;
        var total = (double)own;
        foreach (var count in others)
        {
            total += count;
        }

        share = Math.Max(MinimumRate, total / (others.Count + 1));
        if (own >= share * HoldBelowPeers)
        {
            return false;
        }

        var joining = double.IsPositiveInfinity(_rate);
        if (joining)
        {
            // Joining paced gates: their pace, not this gate's burst, whose other 1010s this one accounts for.
            _lastDecrease = now;
        }

        _rate = Math.Min(_cap, joining ? share * Backoff : Math.Max(_rate, share * Backoff));
        _next = Math.Max(_next, now + (long)(Second / _rate));
        HeldForPeers++;
        return true;
    }

    /// <summary>
    /// The request of the last permit went out at <paramref name="sentAt"/>. A permit books the next one
    /// an interval after it was granted, so a request held up after its permit (a waiting call whose
    /// continuation runs late on a busy machine) would go out late and the next one right behind it: CI
    /// once saw two sends 3 ms apart at 2 a second. When a send is late by more than a quarter of the
    /// interval and 20 ms, the next permit is booked from the send instead. On time (nearly every call)
    /// or unpaced, this takes no lock.
    /// </summary>
    public void OnSent(long sentAt)
    {
        var rate = Volatile.Read(ref _rate);
        if (double.IsPositiveInfinity(rate))
        {
            return;
        }

        var interval = (long)(Second / rate);
        if (sentAt + interval <= Volatile.Read(ref _next) + Math.Max(interval / 4, LateSend))
        {
            return;
        }

        lock (_gate)
        {
            if (!double.IsPositiveInfinity(_rate))
            {
                _next = Math.Max(_next, sentAt + (long)(Second / _rate));
            }
        }
    }

    /// <summary>The request sent at <paramref name="sentAt"/> succeeded: count it, and probe a little higher, up to the cap.</summary>
    public void OnSuccess(long sentAt)
    {
        lock (_gate)
        {
            // The send's time stands for now: the answer came microseconds to seconds later, which
            // changes neither the pruning of a one-second window by much nor the growth, and a clock
            // read is a measurable part of a call in memory.
            var now = sentAt;
            _accepted.Enqueue(sentAt);
            while (_accepted.Count > 0 && now - _accepted.Peek() > Second)
            {
                _accepted.Dequeue();
            }

            if (!double.IsPositiveInfinity(_rate))
            {
                // r successes a second each add the growth: the rate grows by that share of itself a second.
                var calm = _lastDecrease == long.MinValue ? MaxGrowthExponent * GrowthDoublingSeconds : (double)(now - _lastDecrease) / Second;
                var growth = _probing ? ProbingGrowthPerSecond : FirstGrowthPerSecond * Math.Pow(2, Math.Min(MaxGrowthExponent, calm / GrowthDoublingSeconds));
                _rate = Math.Min(_cap, _rate + growth);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => TryAcquireNow(out _) ? Lease.Acquired : Lease.Refused;

    /// <summary>
    /// A permit now, if one is free, and when it was granted (<see cref="Now"/>): the attempt that goes
    /// out at once uses it as its send time instead of reading the clock again.
    /// </summary>
    public bool TryAcquireNow(out long grantedAt)
    {
        int sent;
        lock (_gate)
        {
            grantedAt = Stopwatch.GetTimestamp();
            if (_next > grantedAt)
            {
                return false;
            }

            sent = Grant(grantedAt);
        }

        Publish(sent);
        return true;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        long wait;
        int sent;
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            var at = Math.Max(now, _next);
            sent = Grant(at);
            wait = at - now;
        }

        Publish(sent);

        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)wait / Second), cancellationToken).ConfigureAwait(false);
        }

        return Lease.Acquired;
    }

    /// <summary>
    /// Records a permit at <paramref name="at"/> and books the next one an interval later. Call under the
    /// lock. Returns the permits of the trailing second for the other processes, or -1 while unlimited
    /// (nothing is written before the app first refuses a call).
    /// </summary>
    private int Grant(long at)
    {
        Prune(at);
        _granted.Enqueue(at);
        _idleSince = at;
        var unlimited = double.IsPositiveInfinity(_rate);
        _next = unlimited ? at : at + (long)(Second / _rate);
        return unlimited ? -1 : _granted.Count;
    }

    /// <summary>Tells the other processes' gates how much this one sends, at most every 200 ms; outside the lock.</summary>
    private void Publish(int sent)
    {
        if (sent >= 0 && _peers is { } peers)
        {
            var now = DateTime.UtcNow;
            if (peers.ClaimDue(now))
            {
                peers.Publish(sent, now);
            }
        }
    }

    /// <summary>When at most <paramref name="count"/> of our permits will be in the trailing second. Call under the lock.</summary>
    private long WhenOwnCountIs(int count)
    {
        count = Math.Max(0, count);
        var index = _granted.Count - count - 1;
        if (index < 0)
        {
            return long.MinValue;
        }

        foreach (var at in _granted)
        {
            if (index-- == 0)
            {
                // The app stamps a request when it arrives, a little after the permit: leave a margin.
                return at + Second + Margin;
            }
        }

        return long.MinValue;
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
