using System;
using System.Threading;

namespace IxBrowser.LocalApi;

/// <summary>
/// The deadlines of the attempts of one timeout (<see cref="IxBrowserClientOptions.Timeout"/> or
/// <see cref="IxBrowserClientOptions.LongRunningTimeout"/>), as cancellation tokens shared by the attempts
/// that start within the same twentieth of the timeout: each window's token source fires when the last
/// attempt that could have started in it has had its full timeout. So an attempt times out between its
/// timeout and a twentieth later (30 to 31.5 s by default), and a call starts no timer of its own.
/// </summary>
/// <remarks>
/// A token source with CancelAfter per attempt, reused per thread, cost about 0.1 µs of a 4 µs call in
/// memory (its timer is queued and unqueued under a lock every call); Polly's timeout layer cost more
/// (docs/performance.md). Here a call reads the coarse millisecond clock and, about every twentieth of
/// the timeout, one call opens the next window. A window's source is not disposed: it fires once, after
/// which it holds no timer; its attempts are over by then (or are cancelled by it, as they should be).
/// </remarks>
internal sealed class TimeoutWindows
{
    private const int WindowsPerTimeout = 20;

    // The millisecond clock is coarse (4 ms a tick on Linux): a window fires this much later still, so
    // that an attempt read as inside a window that in fact began a tick earlier is never cut short.
    private const int ClockResolutionMs = 20;

    private readonly int _timeoutMs;
    private readonly int _windowMs;
    private readonly Func<int> _clock;
    private Window? _current;

    /// <param name="timeout">Positive and at most a day (the options' validator sees to both).</param>
    /// <param name="clock">Milliseconds as <see cref="Environment.TickCount"/> counts them; tests stop or wrap it.</param>
    public TimeoutWindows(TimeSpan timeout, Func<int>? clock = null)
    {
        _clock = clock ?? (() => Environment.TickCount);
        _timeoutMs = Math.Max(1, (int)Math.Ceiling(timeout.TotalMilliseconds));
        _windowMs = Math.Max(1, _timeoutMs / WindowsPerTimeout);
    }

    /// <summary>Null for <see cref="Timeout.InfiniteTimeSpan"/>: no deadline.</summary>
    public static TimeoutWindows? For(TimeSpan timeout) => timeout == Timeout.InfiniteTimeSpan ? null : new TimeoutWindows(timeout);

    /// <summary>The most an attempt can run over its timeout before its token fires.</summary>
    public TimeSpan MostLate => TimeSpan.FromMilliseconds(_windowMs + ClockResolutionMs);

    /// <summary>The token of an attempt that starts now: cancelled no sooner than the timeout from now, and at most a window later.</summary>
    public CancellationToken Next()
    {
        // Environment.TickCount (not TickCount64, missing from netstandard2.0) wraps after 24.9 days;
        // the difference of two readings is right across the wrap, and a stale window's source has fired.
        var now = _clock();
        var window = Volatile.Read(ref _current);
        if (window is not null && unchecked(now - window.Opened) < _windowMs && !window.Source.IsCancellationRequested)
        {
            return window.Source.Token;
        }

        return Open(now, window);
    }

    private CancellationToken Open(int now, Window? seen)
    {
        var opened = new Window(now, new CancellationTokenSource(_timeoutMs + _windowMs + ClockResolutionMs));
        var current = Interlocked.CompareExchange(ref _current, opened, seen);
        if (ReferenceEquals(current, seen))
        {
            return opened.Source.Token;
        }

        // Another attempt opened a window since this one looked: use that one, opened just now.
        opened.Source.Dispose();
        return current!.Source.Token;
    }

    private sealed class Window(int opened, CancellationTokenSource source)
    {
        public int Opened { get; } = opened;

        public CancellationTokenSource Source { get; } = source;
    }
}
