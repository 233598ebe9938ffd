using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IxBrowser.LocalApi.Benchmarks.Server;

/// <summary>
/// A bare Kestrel on loopback answering the documented envelopes from pre-encoded bytes, so that
/// what is measured is the client, not the server (WireMock's matching would dominate).
/// A failing server (<c>StartAsync(failing: true)</c>) answers the documented failures instead, at the
/// same paths: the client takes only a server root as its address.
/// </summary>
public sealed class EnvelopeServer : IAsyncDisposable
{
    private static readonly byte[] ProxyUpdateSuccess = Encoding.UTF8.GetBytes("""{"error":{"code":0,"message":"success","time":1693464163},"data":1}""");
    private static readonly byte[] ExtractionSuccess = Encoding.UTF8.GetBytes("""{"error":{"code":0,"message":"success","time":1691131803},"data":"success"}""");
    private static readonly byte[] ProxyMissing = Encoding.UTF8.GetBytes("""{"error":{"code":2002,"message":"Proxy information does not exist","time":1694598121},"data":[]}""");
    private static readonly byte[] ProfileMissing = Encoding.UTF8.GetBytes("""{"error":{"code":2007,"message":"Profile does not exist","time":1694762291},"data":[]}""");

    private readonly WebApplication _app;

    private EnvelopeServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="failing">Answer 2002 (proxy-update) and 2007 (extraction) instead of success.</param>
    public static async Task<EnvelopeServer> StartAsync(bool failing = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var (proxyUpdate, extraction) = failing ? (ProxyMissing, ProfileMissing) : (ProxyUpdateSuccess, ExtractionSuccess);
        app.MapPost("/api/v2/proxy-update", (HttpContext c) => Write(c, proxyUpdate));
        app.MapPost("/api/v2/profile-update-proxy-for-api-extraction", (HttpContext c) => Write(c, extraction));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EnvelopeServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static Task Write(HttpContext context, byte[] body)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, 0, body.Length);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
