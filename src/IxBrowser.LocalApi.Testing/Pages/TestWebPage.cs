using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// One HTML page on a free loopback port, for a simulated profile's browser to visit in a test or a
/// demo. Loopback addresses bypass the profile's proxy, so the page loads whatever proxy is set.
/// </summary>
public sealed class TestWebPage : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _html;

    private TestWebPage(Uri address, byte[] html)
    {
        Address = address;
        _html = html;
    }

    /// <summary>Where the page is, such as <c>http://127.0.0.1:41234/</c>; every path answers the page.</summary>
    public Uri Address { get; }

    /// <summary>Serves a page with <paramref name="title"/> and <paramref name="bodyHtml"/> until disposed.</summary>
    /// <param name="title">The page's title (HTML-encoded here).</param>
    /// <param name="bodyHtml">The body's HTML, as given.</param>
    /// <returns>The running page.</returns>
    public static TestWebPage Start(string title, string bodyHtml)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var html = Encoding.UTF8.GetBytes($"<!doctype html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body>{bodyHtml}</body></html>");
        var page = new TestWebPage(new Uri($"http://127.0.0.1:{port}/"), html);
        page._listener.Prefixes.Add(page.Address.ToString());
        page._listener.Start();
        _ = Task.Run(page.ServeAsync);
        return page;
    }

    /// <summary>Stops serving.</summary>
    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            try
            {
                var context = await _listener.GetContextAsync().ConfigureAwait(false);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(_html).ConfigureAwait(false);
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
