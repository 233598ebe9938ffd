using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Playwright;

namespace IxBrowser.LocalApi.Demo;

/// <summary>The demo's main step: a profile id to a Playwright browser, a page read, the profile closed.</summary>
internal static class DemoBrowser
{
    public static async Task DriveAsync(IxBrowserClient client, long profileId, CancellationToken cancellationToken)
    {
        using var page = LocalPage.Start("<h1 id=\"greeting\">Hello from a page served by the demo</h1>");
        var clock = Stopwatch.StartNew();
        var browser = await client.ConnectPlaywrightAsync(profileId, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (browser.ConfigureAwait(false))
        {
            var profile = browser.GetIxBrowserProfile()!;
            Console.WriteLine($"   opened:   {profile} and connected Playwright in {clock.ElapsedMilliseconds} ms");
            var tab = await browser.Contexts[0].NewPageAsync().ConfigureAwait(false);
            await tab.GotoAsync(page.Address.ToString()).ConfigureAwait(false);
            var heading = await tab.InnerTextAsync("#greeting").ConfigureAwait(false);
            Console.WriteLine($"   page:     \"{heading}\" read from {page.Address} in Chromium {browser.Version}");
        }

        Console.WriteLine($"   closed:   profile {profileId} (disposing the browser closed it)");
    }

    /// <summary>One page on a free loopback port (HttpListener: no dependency), for the browser to visit.</summary>
    private sealed class LocalPage : IDisposable
    {
        private readonly HttpListener _listener = new();

        private LocalPage(Uri address) => Address = address;

        public Uri Address { get; }

        public static LocalPage Start(string body)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var page = new LocalPage(new Uri($"http://127.0.0.1:{port}/"));
            page._listener.Prefixes.Add(page.Address.ToString());
            page._listener.Start();
            var html = Encoding.UTF8.GetBytes("<!doctype html><html><head><title>IxBrowser.LocalApi demo</title></head><body>" + body + "</body></html>");
            _ = Task.Run(() => page.ServeAsync(html));
            return page;
        }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync(byte[] html)
        {
            while (_listener.IsListening)
            {
                try
                {
                    var context = await _listener.GetContextAsync().ConfigureAwait(false);
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(html).ConfigureAwait(false);
                    context.Response.Close();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    // The browser went away mid-answer.
                }
            }
        }
    }
}
