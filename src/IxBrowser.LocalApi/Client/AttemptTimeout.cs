using System;
using System.Threading;

namespace IxBrowser.LocalApi;

/// <summary>
/// The token of one attempt: cancelled after the attempt's timeout (a window's shared token, see
/// <see cref="TimeoutWindows"/>) or with the caller's token. Only when the caller's token can be
/// cancelled is a source made for the attempt, linking the two.
/// </summary>
internal readonly struct AttemptTimeout : IDisposable
{
    private readonly CancellationTokenSource? _linked;

    private AttemptTimeout(CancellationTokenSource? linked, CancellationToken token)
    {
        _linked = linked;
        Token = token;
    }

    /// <summary>The token the attempt runs with.</summary>
    public CancellationToken Token { get; }

    /// <summary>Starts the attempt's clock; without a timeout (<paramref name="windows"/> null), the attempt runs with the caller's token alone.</summary>
    public static AttemptTimeout Start(TimeoutWindows? windows, CancellationToken callerToken)
    {
        if (windows is null)
        {
            return new AttemptTimeout(null, callerToken);
        }

        var deadline = windows.Next();
        if (!callerToken.CanBeCanceled)
        {
            return new AttemptTimeout(null, deadline);
        }

        var linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, deadline);
        return new AttemptTimeout(linked, linked.Token);
    }

    /// <summary>Releases the linked source, if the attempt needed one; a window's source is the window's.</summary>
    public void Dispose() => _linked?.Dispose();
}
