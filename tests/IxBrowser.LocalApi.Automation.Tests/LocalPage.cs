using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Automation.Tests;

/// <summary>A page served on a free loopback port for the browser to visit (HttpListener: no dependency).</summary>
internal sealed class LocalPage : IDisposable
{
    private readonly HttpListener _listener = new();

    public LocalPage(string title, string heading)
    {
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        var html = Encoding.UTF8.GetBytes($"<!doctype html><html><head><title>{title}</title></head><body><h1 id=\"greeting\">{heading}</h1></body></html>");
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                try
                {
                    var context = await _listener.GetContextAsync();
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(html);
                    context.Response.Close();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    // A browser that went away mid-answer.
                }
            }
        });
    }

    public Uri Address { get; }

    public void Dispose() => _listener.Close();

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
