using System;
using System.Net.Http;
using IxBrowser.LocalApi.Benchmarks.Contenders;
using IxBrowser.LocalApi.Benchmarks.Server;

namespace IxBrowser.LocalApi.Benchmarks.Benchmarks;

/// <summary>One server and one HttpClient (same handler settings) shared by every contender.</summary>
public sealed class ClientFixture : IDisposable
{
    /// <param name="failing">Answer the documented failures instead of success.</param>
    /// <param name="maxConcurrentRequests">Our client's concurrency limit.</param>
    /// <param name="inMemory">No server: the HttpClient answers from <see cref="CannedEnvelopeHandler"/>.</param>
    public ClientFixture(bool failing = false, int maxConcurrentRequests = 1, bool inMemory = false)
    {
        Server = inMemory ? null : EnvelopeServer.StartAsync(failing).GetAwaiter().GetResult();
        var address = Server?.BaseAddress ?? IxBrowserClient.DefaultBaseAddress;
        HttpMessageHandler handler = inMemory ? new CannedEnvelopeHandler() : new SocketsHttpHandler { MaxConnectionsPerServer = 16 };
        Http = new HttpClient(handler) { BaseAddress = address };
        Ours = new IxBrowserClient(Http, new IxBrowserClientOptions { BaseAddress = address, MaxConcurrentRequests = maxConcurrentRequests, MaxRetryAttempts = 0 });
        Newtonsoft = new NewtonsoftHandWritten(Http, address);
        Stj = new SystemTextJsonHandWritten(Http, address);
        Refit = new RefitContender(Http);
    }

    public EnvelopeServer? Server { get; }

    public HttpClient Http { get; }

    public IxBrowserClient Ours { get; }

    public NewtonsoftHandWritten Newtonsoft { get; }

    public SystemTextJsonHandWritten Stj { get; }

    public RefitContender Refit { get; }

    public void Dispose()
    {
        Http.Dispose();
        Server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
