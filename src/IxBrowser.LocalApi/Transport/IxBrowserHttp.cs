using System;
using System.Net.Http;
using System.Threading;

namespace IxBrowser.LocalApi.Transport;

/// <summary>The HTTP handler the library creates itself (dependency injection, and the constructor without an HttpClient).</summary>
internal static class IxBrowserHttp
{
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient(CreateHandler(), disposeHandler: false)
    {
        // The pipeline's per-attempt timeout governs; HttpClient's default 100 s would cut across retries.
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>One HttpClient for every client made without one: a connection pool per process, as HttpClient is meant to be used.</summary>
    public static HttpClient Shared => SharedClient.Value;

    /// <summary>
    /// A handler that never follows a redirect: the local API never sends one, and following it would
    /// send the body (proxy passwords, extraction links) to the host the redirect names.
    /// </summary>
    public static HttpMessageHandler CreateHandler()
    {
#if NET5_0_OR_GREATER
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // ixBrowser restarts; a pooled connection must not outlive it for long.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
#else
        return new HttpClientHandler { AllowAutoRedirect = false };
#endif
    }
}
