using System;

namespace IxBrowser.LocalApi;

/// <summary>Settings of <see cref="IxBrowserClient"/>. Validated when the client is created (or at startup with dependency injection).</summary>
public sealed class IxBrowserClientOptions
{
    /// <summary>
    /// Where the local API listens: the server's root, such as <c>http://127.0.0.1:53200</c>. When not
    /// set, the client uses its HttpClient's <see cref="System.Net.Http.HttpClient.BaseAddress"/>, or
    /// <see cref="IxBrowserClient.DefaultBaseAddress"/> (<c>http://127.0.0.1:53200/</c>) when that is not set either.
    /// Setting both to different addresses is an error.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// How long one attempt may take before it fails with <see cref="IxBrowserTimeoutException"/>.
    /// Default 30 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it. Time spent
    /// waiting for a free slot (<see cref="MaxConcurrentRequests"/>) does not count. An attempt is given
    /// its whole timeout and is stopped at most a twentieth of it later (attempts that start close
    /// together share one timer).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one attempt of a long-running operation (the spec's x-long-running: opening a profile,
    /// which starts a browser and can take 10 to 60 seconds) may take. Default 90 seconds, below
    /// HttpClient's own default Timeout of 100 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// disables it. Such calls take no slot of <see cref="MaxConcurrentRequests"/>.
    /// </summary>
    public TimeSpan LongRunningTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How many times a call is retried after error 1004 (system error) or a failed connection. Default 3;
    /// 0 disables every retry, 1010 included. At most 10. Error 1010 (too fast) is retried within
    /// <see cref="TooFastPatience"/> instead.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry; later retries double it, with jitter. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of any single retry delay. Default 5 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most requests a second the client sends to ixBrowser; <see langword="null"/> (the default)
    /// to learn the rate ixBrowser accepts from its "too fast" answers (error 1010). Set it when you
    /// know the rate, so that nothing is refused while the client learns.
    /// </summary>
    public double? MaxRequestsPerSecond { get; set; }

    /// <summary>
    /// How long a call keeps trying while ixBrowser answers "too fast" (error 1010), which it sends
    /// without acting on the request. These retries do not count towards <see cref="MaxRetryAttempts"/>:
    /// the client slows down and tries again until ixBrowser accepts or this much time has passed.
    /// Default 60 seconds.
    /// </summary>
    public TimeSpan TooFastPatience { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether this client shares its gate (the pacing it learned and the <see cref="MaxConcurrentRequests"/>
    /// limit) with every other client of this process that targets the same address, however they were
    /// created. Default <see langword="true"/>: ixBrowser is one app with one limit. The first client
    /// created for an address sets the gate's limits. Set <see langword="false"/> for a gate of its own.
    /// </summary>
    public bool ShareGate { get; set; } = true;

    /// <summary>
    /// Whether this client's gate tells the gates of this user's other processes that send to the same
    /// address how many requests it sends, and listens to theirs, so that two tools on one ixBrowser share
    /// its limit instead of one starving the other. Default <see langword="true"/>. Nothing is written
    /// until ixBrowser first answers 1010 (too fast); then, at most every 200 ms while calls go out, a
    /// count and a time in a small file under the user's local application data
    /// (<c>IxBrowser.LocalApi/pace</c>). Set <see langword="false"/> to pace on this process's answers alone.
    /// </summary>
    public bool SharePaceAcrossProcesses { get; set; } = true;

    /// <summary>
    /// How many requests may be in flight at once; further calls wait their turn. Default 1, because
    /// the desktop app applies writes one at a time and answers 1010 when pushed harder.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 1;

    /// <summary>
    /// Allows plain <c>http://</c> to a host other than this machine. Off by default: the local API
    /// has neither TLS nor authentication, so proxy passwords and extraction links would cross the
    /// network in clear text.
    /// </summary>
    public bool AllowRemoteHost { get; set; }

    /// <summary>
    /// The largest answer the client reads, in bytes; a larger one fails with
    /// <see cref="IxBrowserProtocolException"/> and the rest is not read. Default 32 MiB: a page of 100
    /// profiles with their fingerprints is well under 1 MiB, so only a broken or hostile server reaches it.
    /// </summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 32 MiB.</summary>
    public const int DefaultMaxResponseBytes = 32 * 1024 * 1024;

    internal IxBrowserClientOptions Clone() => (IxBrowserClientOptions)MemberwiseClone();
}
