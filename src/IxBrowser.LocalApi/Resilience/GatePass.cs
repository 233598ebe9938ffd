using System;
using System.Threading;

namespace IxBrowser.LocalApi;

/// <summary>
/// An attempt's way through the gate (<see cref="IxBrowserGate.EnterAsync"/>): disposing it gives the
/// concurrency slot back, if the attempt took one.
/// </summary>
/// <param name="slots">The semaphore whose slot the attempt holds; null for a long-running operation.</param>
/// <param name="grantedAt">When the pace granted the permit, if at once (a timestamp of <see cref="AdaptiveRateLimiter.Now"/>); 0 after a wait.</param>
internal readonly struct GatePass(SemaphoreSlim? slots, long grantedAt) : IDisposable
{
    /// <summary>When the pace granted the permit without a wait; 0 when the attempt waited for the gate.</summary>
    public long GrantedAt { get; } = grantedAt;

    public void Dispose() => slots?.Release();
}
