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
    private static readonly ConcurrentDictionary<string, IxBrowserGate> Shared = new(StringComparer.OrdinalIgnoreCase);

    private IxBrowserGate(IxBrowserClientOptions options)
    {
        Concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        Pace = new AdaptiveRateLimiter(options.MaxRequestsPerSecond);
        MaxConcurrentRequests = options.MaxConcurrentRequests;
    }

    public ConcurrencyLimiter Concurrency { get; }

    /// <summary>The concurrency limit the gate was created with.</summary>
    public int MaxConcurrentRequests { get; }

    public AdaptiveRateLimiter Pace { get; }

    /// <summary>Forgets the shared gate of <paramref name="address"/>; clients created afterwards get a new one.</summary>
    public static void Forget(Uri address) => Shared.TryRemove(address.GetLeftPart(UriPartial.Authority), out _);

    /// <summary>The gate for <paramref name="address"/>: the process's shared one, or a new one of its own.</summary>
    public static IxBrowserGate For(Uri address, IxBrowserClientOptions options) =>
        options.ShareGate
            ? Shared.GetOrAdd(address.GetLeftPart(UriPartial.Authority), _ => new IxBrowserGate(options))
            : new IxBrowserGate(options);
}
