using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>The proxy list and the creation of custom proxies (proxy-update and proxy-delete are in SimulatorEngine.cs).</summary>
internal sealed partial class SimulatorEngine
{
    /// <summary>proxy-list: custom and purchased proxies, filtered by kind, ip and proxy tag.</summary>
    public Outcome GetProxyList(JToken? body)
    {
        if (Checked(nameof(GetProxyList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (_gate)
        {
            var tagFilter = (long?)request["tag_id"] ?? 0;
            var tagName = tagFilter == 0 ? null : _proxyTags.TryGetValue(tagFilter, out var tag) ? tag.Title : string.Empty;
            var matching = _proxies.Values
                .Where(p => Matches(request["type"], p.Kind) && Matches(request["proxy_ip"], p.ProxyIp))
                .Where(p => tagName is null || p.Tags.Contains(tagName))
                .OrderByDescending(p => p.Id)
                .Select(ProxyItem);
            return PageOutcome(matching, request);
        }
    }

    /// <summary>proxy-create: adds a custom proxy with a fresh id; its new tag names become proxy tags. Answers the id.</summary>
    public Outcome CreateProxy(JToken? body)
    {
        if (body is not JObject request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        // The operation's own codes (appendix 103xxx) for the mistakes it names, before the spec's generic 1000.
        if (request["proxy_type"] is null or { Type: JTokenType.Null })
        {
            return Error(IxBrowserErrorCodes.ProxyCreateProxyTypeEmpty);
        }

        // Choice: direct is refused (103003): page 39 lists http, https, socks5 and ssh only.
        if (request["proxy_type"]!.Type != JTokenType.String || (string)request["proxy_type"]! == "direct" || _spec.AllowedValues("CreateProxyRequest", "proxy_type")?.Contains((string)request["proxy_type"]!) == false)
        {
            return Error(IxBrowserErrorCodes.ProxyCreateProxyTypeOutOfRange);
        }

        if (((string?)request["proxy_ip"])?.Trim().Length is null or 0)
        {
            return Error(IxBrowserErrorCodes.ProxyCreateProxyIpEmpty);
        }

        if (((string?)request["proxy_port"])?.Length is null or 0)
        {
            return Error(IxBrowserErrorCodes.ProxyCreateTheProxyPortEmpty);
        }

        if (Checked(nameof(CreateProxy), body) is null || !TryReadTags(request["tag"], out var tags))
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (_gate)
        {
            var proxy = new SimulatedProxy
            {
                Id = _proxies.Count == 0 ? 1 : _proxies.Keys.Max() + 1,
                ProxyType = (string)request["proxy_type"]!,
                ProxyIp = (string)request["proxy_ip"]!,
                ProxyPort = (string)request["proxy_port"]!,
                ProxyUser = (string?)request["proxy_user"] ?? string.Empty,
                ProxyPassword = (string?)request["proxy_password"] ?? string.Empty,
                Tags = tags ?? new List<string>(),
                Note = (string?)request["note"] ?? string.Empty,
            };

            // Choice: the same type, ip, port and user as a stored proxy is a duplicate (103005).
            if (_proxies.Values.Any(p => p.ProxyType == proxy.ProxyType && p.ProxyIp == proxy.ProxyIp && p.ProxyPort == proxy.ProxyPort && p.ProxyUser == proxy.ProxyUser))
            {
                return Error(IxBrowserErrorCodes.ProxyCreateAlreadyExists);
            }

            EnsureProxyTags(proxy.Tags);
            _proxies[proxy.Id] = proxy;
            return new Outcome(0, "success", new JValue(proxy.Id));
        }
    }

    /// <summary>The tag of proxy-create and proxy-update: a string for one ("" for none) or an array of strings.</summary>
    private static bool TryReadTags(JToken? tag, out List<string>? tags)
    {
        switch (tag)
        {
            case null:
                tags = null;
                return true;
            case { Type: JTokenType.String } single:
                tags = ((string)single!).Length == 0 ? new List<string>() : new List<string> { (string)single! };
                return true;
            case JArray many when many.All(t => t.Type == JTokenType.String):
                tags = many.Select(t => (string)t!).ToList();
                return true;
            default:
                tags = null;
                return false;
        }
    }

    /// <summary>A proxy as proxy-list shows it; activeWindow counts the profiles that use it.</summary>
    private JObject ProxyItem(SimulatedProxy proxy)
    {
        var tagIds = proxy.Tags.Select(name => _proxyTags.Values.FirstOrDefault(t => t.Title == name)?.Id).Where(id => id is not null);
        return new JObject
        {
            ["id"] = proxy.Id,
            ["proxy_type"] = proxy.ProxyType,
            ["proxy_ip"] = proxy.ProxyIp,
            ["proxy_port"] = proxy.ProxyPort,
            ["proxy_user"] = proxy.ProxyUser,
            ["proxy_password"] = proxy.ProxyPassword,
            ["note"] = proxy.Note,
            ["type"] = proxy.Kind,
            ["tag_id"] = string.Join(" ", tagIds),
            ["tag_name"] = string.Join(" ", proxy.Tags),
            ["query"] = string.Empty,
            ["country"] = string.Empty,
            ["timezone"] = string.Empty,
            ["city"] = string.Empty,
            ["activeWindow"] = _profiles.Values.Count(p => p.ProxyId == proxy.Id && p.ProxyMode is 2 or 3),
        };
    }
}
