using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi;

/// <summary>
/// What stands between the clients of one process and one ixBrowser: the concurrency limit and the
/// learned pace. Shared by address (see <see cref="IxBrowserClientOptions.ShareGate"/>), so that a
/// client per call, or clients from DI and from <c>new</c>, cannot push the app harder together than
/// one client would.
/// </summary>
internal sealed class IxBrowserGate
{
    private static readonly ConcurrentDictionary<string, IxBrowserGate> SharedGates = new(StringComparer.OrdinalIgnoreCase);

    public IxBrowserGate(IxBrowserClientOptions options, string appKey)
    {
        // A SemaphoreSlim rather than System.Threading.RateLimiting's ConcurrencyLimiter: the same
        // first-come order for waiters, without a lease object and a clock read per release (2 % of a
        // call in memory, measured with perf).
        Slots = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        Pace = new AdaptiveRateLimiter(options.MaxRequestsPerSecond, options.SharePaceAcrossProcesses ? new PacePeers(PacePeers.DefaultDirectory, appKey) : null);
        MaxConcurrentRequests = options.MaxConcurrentRequests;
    }

    /// <summary>The concurrency slots: one per call in flight.</summary>
    public SemaphoreSlim Slots { get; }

    /// <summary>The concurrency limit the gate was created with.</summary>
    public int MaxConcurrentRequests { get; }

    public AdaptiveRateLimiter Pace { get; }

    /// <summary>
    /// Lets an attempt through: a concurrency slot first (unless <paramref name="takeSlot"/> is false,
    /// for a long-running operation), then a permit of the pace. A call waits for its permit while
    /// holding the slot, so a slow answer cannot let permits pile up and go out together. Both are
    /// taken without awaiting when they are free at once, which is nearly every call.
    /// </summary>
    /// <remarks>
    /// The gate is entered by the attempt itself rather than as a Polly strategy: two rate-limiter
    /// layers cost 0.65-0.85 µs a call and one custom strategy 0.3 µs more than this (docs/performance.md).
    /// Waiting here does not count towards the attempt's timeout, which starts after the gate.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired while waiting; nothing is held.</exception>
    public ValueTask<GatePass> EnterAsync(bool takeSlot, CancellationToken cancellationToken)
    {
        if (takeSlot && !Slots.Wait(0, CancellationToken.None))
        {
            // Others hold every slot or wait for one: queue behind them.
            return WaitAsync(takeSlot, slotTaken: false, cancellationToken);
        }

        if (Pace.TryAcquireNow(out var grantedAt))
        {
            return new ValueTask<GatePass>(new GatePass(takeSlot ? Slots : null, grantedAt));
        }

        return WaitAsync(takeSlot, slotTaken: takeSlot, cancellationToken);
    }

    /// <summary>The slow way: waits (cancellably) for whatever is missing; gives the slot back however the wait ends without a pass.</summary>
    private async ValueTask<GatePass> WaitAsync(bool takeSlot, bool slotTaken, CancellationToken cancellationToken)
    {
        try
        {
            if (takeSlot && !slotTaken)
            {
                await Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                slotTaken = true;
            }

            using (var permit = await Pace.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
            {
                ThrowIfRefused(permit);
            }

            return new GatePass(takeSlot ? Slots : null, grantedAt: 0);
        }
        catch
        {
            if (slotTaken)
            {
                Slots.Release();
            }

            throw;
        }
    }

    // The pace always queues. Kept as a guard.
    private static void ThrowIfRefused(RateLimitLease lease)
    {
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The gate refused a permit although its queue is unbounded; this is a bug in IxBrowser.LocalApi.");
        }
    }

    /// <summary>Forgets the shared gate of <paramref name="address"/>; clients created afterwards get a new one.</summary>
    public static void Forget(Uri address) => SharedGates.TryRemove(Key(address), out _);

    /// <summary>The process's shared gate for <paramref name="address"/>; the first caller's options set its limits.</summary>
    public static IxBrowserGate Shared(Uri address, IxBrowserClientOptions options) =>
        SharedGates.GetOrAdd(Key(address), key => new IxBrowserGate(options, key));

    /// <summary>What identifies one app: scheme, host and port.</summary>
    public static string Key(Uri address) => address.GetLeftPart(UriPartial.Authority);
}
