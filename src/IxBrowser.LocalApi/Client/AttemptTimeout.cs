using System;
using System.Threading;

namespace IxBrowser.LocalApi;

/// <summary>
/// The token of one attempt: cancelled after the attempt's timeout or with the caller's token. A
/// token source with CancelAfter costs about 0.1 µs where Polly's timeout layer cost 0.3-0.6 µs a call
/// (TimeProbe). When the caller's token cannot be cancelled (nearly every call), the source is reused
/// per thread after <c>CancellationTokenSource.TryReset</c>, as Polly pools its own, so that a
/// call allocates no source and no timer.
/// </summary>
internal readonly struct AttemptTimeout : IDisposable
{
#if NET6_0_OR_GREATER
    [ThreadStatic]
    private static CancellationTokenSource? _spare;
#endif

    private readonly CancellationTokenSource? _source;
    private readonly bool _reusable;

    private AttemptTimeout(CancellationTokenSource? source, bool reusable, CancellationToken token)
    {
        _source = source;
        _reusable = reusable;
        Token = token;
    }

    /// <summary>The token the attempt runs with.</summary>
    public CancellationToken Token { get; }

    /// <summary>Starts the attempt's clock; without a timeout, the attempt runs with the caller's token alone.</summary>
    public static AttemptTimeout Start(TimeSpan timeout, CancellationToken callerToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return new AttemptTimeout(null, false, callerToken);
        }

        if (callerToken.CanBeCanceled)
        {
            var linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
            linked.CancelAfter(timeout);
            return new AttemptTimeout(linked, false, linked.Token);
        }

#if NET6_0_OR_GREATER
        var source = _spare ?? new CancellationTokenSource();
        _spare = null;
#else
        var source = new CancellationTokenSource();
#endif
        source.CancelAfter(timeout);
        return new AttemptTimeout(source, true, source.Token);
    }

    /// <summary>Stops the clock: the source is kept for the thread's next attempt if it never fired, else disposed.</summary>
    public void Dispose()
    {
        if (_source is null)
        {
            return;
        }

#if NET6_0_OR_GREATER
        if (_reusable && _source.TryReset())
        {
            _spare = _source;
            return;
        }
#endif
        _source.Dispose();
    }
}
