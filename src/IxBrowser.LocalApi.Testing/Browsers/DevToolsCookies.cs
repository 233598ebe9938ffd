using System;
using System.Globalization;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// A profile's cookies between the simulator's store (ixBrowser's format, pages 21-22) and its running
/// Chromium (the DevTools protocol's Storage domain, over the browser's WebSocket): loaded when the
/// profile opens, saved when it closes with cookie backup on, as the app does.
/// </summary>
internal static class DevToolsCookies
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Puts <paramref name="cookies"/> (ixBrowser's format) into the browser.</summary>
    public static void Load(string webSocketUrl, JArray cookies)
    {
        if (cookies.Count == 0)
        {
            return;
        }

        var parameters = new JArray(cookies.OfType<JObject>().Select(ToDevTools));
        Call(webSocketUrl, "Storage.setCookies", new JObject { ["cookies"] = parameters });
    }

    /// <summary>The browser's cookies, in ixBrowser's format.</summary>
    public static JArray Read(string webSocketUrl)
    {
        var result = Call(webSocketUrl, "Storage.getCookies", new JObject());
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new JArray(((result["cookies"] as JArray) ?? new JArray()).OfType<JObject>().Select(c => FromDevTools(c, now)));
    }

    private static JObject ToDevTools(JObject cookie)
    {
        var devTools = new JObject
        {
            ["name"] = (string?)cookie["name"] ?? string.Empty,
            ["value"] = (string?)cookie["value"] ?? string.Empty,
            ["domain"] = (string?)cookie["domain"] ?? string.Empty,
            ["path"] = (string?)cookie["path"] ?? "/",
            ["secure"] = (bool?)cookie["secure"] ?? false,
            ["httpOnly"] = (bool?)cookie["http_only"] ?? false,
        };
        if (long.TryParse((string?)cookie["expiration_time"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) && expires > 0)
        {
            devTools["expires"] = expires;
        }

        if ((string?)cookie["same_site"] switch { "0" => "None", "1" => "Lax", "2" => "Strict", _ => null } is { } sameSite)
        {
            devTools["sameSite"] = sameSite;
        }

        return devTools;
    }

    private static JObject FromDevTools(JObject cookie, string now)
    {
        var domain = (string?)cookie["domain"] ?? string.Empty;
        var session = (bool?)cookie["session"] ?? false;
        return new JObject
        {
            ["creation_time"] = now,
            ["domain"] = domain,
            ["name"] = (string?)cookie["name"] ?? string.Empty,
            ["value"] = (string?)cookie["value"] ?? string.Empty,
            ["path"] = (string?)cookie["path"] ?? "/",
            ["expiration_time"] = session ? "0" : ((long)((double?)cookie["expires"] ?? 0)).ToString(CultureInfo.InvariantCulture),
            ["last_access_time"] = now,
            ["secure"] = (bool?)cookie["secure"] ?? false,
            ["http_only"] = (bool?)cookie["httpOnly"] ?? false,
            ["same_site"] = (string?)cookie["sameSite"] switch { "None" => "0", "Lax" => "1", "Strict" => "2", _ => "-1" },
            ["priority"] = (string?)cookie["priority"] switch { "Low" => "0", "High" => "2", _ => "1" },
            ["same_party"] = false,
            ["source_scheme"] = (string?)cookie["sourceScheme"] switch { "NonSecure" => "1", "Secure" => "2", _ => "0" },
            ["source_port"] = ((int?)cookie["sourcePort"] ?? -1).ToString(CultureInfo.InvariantCulture),
            ["is_host_cookie"] = !domain.StartsWith('.'),
        };
    }

    /// <summary>One DevTools command on the browser's WebSocket; its result.</summary>
    private static JObject Call(string webSocketUrl, string method, JObject parameters) => CallAsync(webSocketUrl, method, parameters).GetAwaiter().GetResult();

    private static async Task<JObject> CallAsync(string webSocketUrl, string method, JObject parameters)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(webSocketUrl), timeout.Token).ConfigureAwait(false);
        var command = new JObject { ["id"] = 1, ["method"] = method, ["params"] = parameters }.ToString(Newtonsoft.Json.Formatting.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes(command), WebSocketMessageType.Text, endOfMessage: true, timeout.Token).ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var message = new StringBuilder();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token).ConfigureAwait(false);
                message.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
            }
            while (!received.EndOfMessage);

            var answer = JObject.Parse(message.ToString());
            if ((int?)answer["id"] != 1)
            {
                continue;
            }

            if (answer["error"] is { } error)
            {
                throw new InvalidOperationException($"DevTools {method} failed: {error}");
            }

            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
            return answer["result"] as JObject ?? new JObject();
        }
    }
}
