using System;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;

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
        Concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        Pace = new AdaptiveRateLimiter(options.MaxRequestsPerSecond, options.SharePaceAcrossProcesses ? new PacePeers(PacePeers.DefaultDirectory, appKey) : null);
        MaxConcurrentRequests = options.MaxConcurrentRequests;
    }

    public ConcurrencyLimiter Concurrency { get; }

    /// <summary>The concurrency limit the gate was created with.</summary>
    public int MaxConcurrentRequests { get; }

    public AdaptiveRateLimiter Pace { get; }

    /// <summary>Forgets the shared gate of <paramref name="address"/>; clients created afterwards get a new one.</summary>
    public static void Forget(Uri address) => SharedGates.TryRemove(Key(address), out _);

    /// <summary>The process's shared gate for <paramref name="address"/>; the first caller's options set its limits.</summary>
    public static IxBrowserGate Shared(Uri address, IxBrowserClientOptions options) =>
        SharedGates.GetOrAdd(Key(address), key => new IxBrowserGate(options, key));

    /// <summary>What identifies one app: scheme, host and port.</summary>
    public static string Key(Uri address) => address.GetLeftPart(UriPartial.Authority);
}
