using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>Custom and purchased proxies: proxy-list, proxy-create, proxy-update, proxy-delete.</summary>
internal sealed class ProxyHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    private static readonly string[] UpdateProxyStringFields = { "proxy_type", "proxy_ip", "proxy_port", "proxy_user", "proxy_password", "note" };

    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(GetProxyList), GetProxyList, ("GetProxyListRequest", ["page", "limit", "type", "proxy_ip", "tag_id"]));
        registry.Add(nameof(CreateProxy), CreateProxy, ("CreateProxyRequest", ["proxy_type", "proxy_ip", "proxy_port", "proxy_user", "proxy_password", "tag", "note"]));
        registry.Add(nameof(UpdateProxy), UpdateProxy, ("UpdateProxyRequest", ["id", "proxy_type", "proxy_ip", "proxy_port", "proxy_user", "proxy_password", "tag", "note"]));
        registry.Add(nameof(DeleteProxy), DeleteProxy, ("DeleteProxyRequest", ["id"]));
    }

    /// <summary>proxy-list: custom and purchased proxies, filtered by kind, ip and proxy tag.</summary>
    public SimulatorOutcome GetProxyList(JToken? body)
    {
        if (Checked(nameof(GetProxyList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            var tagFilter = (long?)request["tag_id"] ?? 0;
            var tagName = tagFilter == 0 ? null : Store.ProxyTags.TryGetValue(tagFilter, out var tag) ? tag.Title : string.Empty;
            var matching = Store.Proxies.Values
                .Where(p => Matches(request["type"], p.Kind) && Matches(request["proxy_ip"], p.ProxyIp))
                .Where(p => tagName is null || p.Tags.Contains(tagName))
                .OrderByDescending(p => p.Id)
                .Select(ProxyItem);
            return PageOutcome(matching, request);
        }
    }

    /// <summary>proxy-create: adds a custom proxy with a fresh id; its new tag names become proxy tags. Answers the id.</summary>
    public SimulatorOutcome CreateProxy(JToken? body)
    {
        if (body is not JObject request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        if (CreateRefusal(request) is { } refusal)
        {
            return Error(refusal);
        }

        if (Checked(nameof(CreateProxy), body) is null || !TryReadTags(request["tag"], out var tags))
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            var proxy = new SimulatedProxy
            {
                Id = SimulatorStore.NextId(Store.Proxies),
                ProxyType = (string)request["proxy_type"]!,
                ProxyIp = (string)request["proxy_ip"]!,
                ProxyPort = (string)request["proxy_port"]!,
                ProxyUser = (string?)request["proxy_user"] ?? string.Empty,
                ProxyPassword = (string?)request["proxy_password"] ?? string.Empty,
                Tags = tags ?? new List<string>(),
                Note = (string?)request["note"] ?? string.Empty,
            };

            // Choice: the same type, ip, port and user as a stored proxy is a duplicate (103005).
            if (Store.Proxies.Values.Any(p => p.ProxyType == proxy.ProxyType && p.ProxyIp == proxy.ProxyIp && p.ProxyPort == proxy.ProxyPort && p.ProxyUser == proxy.ProxyUser))
            {
                return Error(IxBrowserErrorCodes.ProxyCreateAlreadyExists);
            }

            Store.EnsureProxyTags(proxy.Tags);
            Store.Proxies[proxy.Id] = proxy;
            return Success(new JValue(proxy.Id));
        }
    }

    /// <summary>proxy-update: a partial update of a stored custom proxy. Answers data 1.</summary>
    public SimulatorOutcome UpdateProxy(JToken? body)
    {
        // Choice: a missing, null or non-positive id answers 104001 ("Proxy id cannot be empty"), the
        // operation's own code, rather than the generic 1000.
        if (body is not JObject request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        if (request["id"] is not { Type: JTokenType.Integer } idToken || (long)idToken < 1)
        {
            return Error(IxBrowserErrorCodes.ProxyIdEmpty);
        }

        if (UpdateRefusal(request) is { } refusal)
        {
            return Error(refusal);
        }

        if (!TryReadTags(request["tag"], out var tags))
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            var id = (long)idToken;
            if (!Store.Proxies.TryGetValue(id, out var stored))
            {
                return Error(IxBrowserErrorCodes.ProxyNotFound);
            }

            var updated = Updated(stored, request, tags);

            // Choice: 104006 ("the proxy already exists") when the update would make this proxy the
            // same endpoint and account as another one.
            if (Store.Proxies.Values.Any(p => p.Id != id && p.ProxyType == updated.ProxyType && p.ProxyIp == updated.ProxyIp && p.ProxyPort == updated.ProxyPort && p.ProxyUser == updated.ProxyUser))
            {
                return Error(IxBrowserErrorCodes.ProxyAlreadyExists);
            }

            Store.EnsureProxyTags(updated.Tags);
            Store.Proxies[id] = updated;
        }

        return Success(new JValue(1));
    }

    /// <summary>The operation's own codes (appendix 103xxx) for the mistakes it names, before the spec's generic 1000.</summary>
    private int? CreateRefusal(JObject request)
    {
        if (request["proxy_type"] is null or { Type: JTokenType.Null })
        {
            return IxBrowserErrorCodes.ProxyCreateProxyTypeEmpty;
        }

        // Choice: direct is refused (103003): page 39 lists http, https, socks5 and ssh only.
        if (request["proxy_type"]!.Type != JTokenType.String || (string)request["proxy_type"]! == "direct" || Spec.AllowedValues("CreateProxyRequest", "proxy_type")?.Contains((string)request["proxy_type"]!) == false)
        {
            return IxBrowserErrorCodes.ProxyCreateProxyTypeOutOfRange;
        }

        return ((string?)request["proxy_ip"])?.Trim().Length is null or 0 ? IxBrowserErrorCodes.ProxyCreateProxyIpEmpty
            : ((string?)request["proxy_port"])?.Length is null or 0 ? IxBrowserErrorCodes.ProxyCreateTheProxyPortEmpty
            : null;
    }

    /// <summary>What proxy-update refuses in a body with a valid id: non-string fields (1000, or 104003 for the type), a type outside the spec's set, an emptied ip or port.</summary>
    private int? UpdateRefusal(JObject request)
    {
        foreach (var field in UpdateProxyStringFields)
        {
            if (request[field] is { } value && value.Type != JTokenType.String)
            {
                return field == "proxy_type" ? IxBrowserErrorCodes.ProxyTypeOutOfRange : IxBrowserErrorCodes.MissingRequiredParameters;
            }
        }

        var type = (string?)request["proxy_type"];
        if (type is not null && Spec.AllowedValues("UpdateProxyRequest", "proxy_type")?.Contains(type) == false)
        {
            return IxBrowserErrorCodes.ProxyTypeOutOfRange;
        }

        // Choice: the ip and the port cannot be cleared (the appendix's 104002 and 104004); user,
        // password, tags and note can, with "".
        return (string?)request["proxy_ip"] == string.Empty ? IxBrowserErrorCodes.ProxyIpEmpty
            : (string?)request["proxy_port"] == string.Empty ? IxBrowserErrorCodes.ProxyPortEmpty
            : null;
    }

    /// <summary>A partial update: what the body leaves out keeps its stored value.</summary>
    private static SimulatedProxy Updated(SimulatedProxy stored, JObject request, List<string>? tags) => stored with
    {
        ProxyType = (string?)request["proxy_type"] ?? stored.ProxyType,
        ProxyIp = (string?)request["proxy_ip"] ?? stored.ProxyIp,
        ProxyPort = (string?)request["proxy_port"] ?? stored.ProxyPort,
        ProxyUser = (string?)request["proxy_user"] ?? stored.ProxyUser,
        ProxyPassword = (string?)request["proxy_password"] ?? stored.ProxyPassword,
        Tags = tags ?? stored.Tags,
        Note = (string?)request["note"] ?? stored.Note,
    };

    /// <summary>proxy-delete: removes a stored custom proxy. Answers data 1.</summary>
    public SimulatorOutcome DeleteProxy(JToken? body)
    {
        // Choice, as for proxy-update: a missing, null or non-positive id answers the operation's own
        // "Proxy id cannot be empty" (108001) rather than the generic 1000.
        if (body is not JObject request || request["id"] is not { Type: JTokenType.Integer } idToken || (long)idToken < 1)
        {
            return Error(IxBrowserErrorCodes.ProxyDeleteProxyIdEmpty);
        }

        lock (Store.Gate)
        {
            var id = (long)idToken;
            if (!Store.Proxies.ContainsKey(id))
            {
                return Error(IxBrowserErrorCodes.ProxyNotFound);
            }

            // Choice: a proxy that a profile uses (SimulatedProfile.ProxyId) cannot be deleted (108002);
            // the docs name the code but not the rule.
            if (Store.Profiles.Values.Any(p => p.ProxyId == id))
            {
                return Error(IxBrowserErrorCodes.ProxyDeleteProxyInUse);
            }

            Store.Proxies.Remove(id);
        }

        return Success(new JValue(1));
    }

    /// <summary>A proxy as proxy-list shows it; activeWindow counts the profiles that use it.</summary>
    private JObject ProxyItem(SimulatedProxy proxy)
    {
        var tagIds = proxy.Tags.Select(name => Store.ProxyTags.Values.FirstOrDefault(t => t.Title == name)?.Id).Where(id => id is not null);
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
            ["activeWindow"] = Store.Profiles.Values.Count(p => p.ProxyId == proxy.Id && p.ProxyMode is 2 or 3),
        };
    }
}
