using System;
using System.Globalization;

namespace IxBrowser.LocalApi;

/// <summary>
/// Turns what the app answers for a browser's debugging address into a usable http URI. The app
/// answers "127.0.0.1:27109" (no scheme); users have also met a bare port and full URLs. A loopback
/// host is the app's machine: when the client talks to an app on another machine
/// (<see cref="IxBrowserClientOptions.AllowRemoteHost"/>), that machine's host is used instead.
/// </summary>
internal static class DevToolsAddress
{
    public static Uri? Normalize(string? debuggingAddress, int? port, string? webSocket, Uri apiBase)
    {
        var text = debuggingAddress?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            text = port is > 0 and <= 65535 ? port.Value.ToString(CultureInfo.InvariantCulture)
                : Uri.TryCreate(webSocket, UriKind.Absolute, out var ws) ? ws.Authority : null;
        }

        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var barePort))
        {
            text = "127.0.0.1:" + barePort.ToString(CultureInfo.InvariantCulture);
        }

        if (!text!.Contains("://"))
        {
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        var builder = new UriBuilder(uri) { Scheme = uri.Scheme is "ws" ? "http" : uri.Scheme is "wss" ? "https" : uri.Scheme, Path = "/", Query = string.Empty, Fragment = string.Empty };
        if (uri.IsLoopback && !apiBase.IsLoopback)
        {
            builder.Host = apiBase.Host;
        }

        return builder.Uri;
    }

    /// <summary>The ws URL with its host moved like the debugging address's, when the app is on another machine.</summary>
    public static Uri? WebSocket(string? webSocket, Uri apiBase)
    {
        if (!Uri.TryCreate(webSocket?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
        {
            return null;
        }

        return uri.IsLoopback && !apiBase.IsLoopback ? new UriBuilder(uri) { Host = apiBase.Host }.Uri : uri;
    }
}
