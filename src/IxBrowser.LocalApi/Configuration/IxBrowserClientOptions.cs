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
    /// waiting for a free slot (<see cref="MaxConcurrentRequests"/>) does not count.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times a call is retried after a transient failure: error 1010 (too fast), error 1004
    /// (system error) or a failed connection. Default 3; 0 disables retries. At most 10.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry; later retries double it, with jitter. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of any single retry delay. Default 5 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

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

    internal IxBrowserClientOptions Clone() => (IxBrowserClientOptions)MemberwiseClone();
}
