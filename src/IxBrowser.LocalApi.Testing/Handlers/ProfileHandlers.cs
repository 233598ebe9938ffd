using System;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>Profiles: profile-list, and the switches of a profile to the traffic-package, purchased and custom proxy modes (API extraction: <see cref="ApiExtractionHandlers"/>).</summary>
internal sealed class ProfileHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(GetProfileList), GetProfileList, ("GetProfileListRequest", ["profile_id", "name", "group_id", "tag_id", "page", "limit"]));
        registry.Add(nameof(UpdateProfileProxyForTrafficPackage), UpdateProfileProxyForTrafficPackage, ("TrafficPackageProxyInfo", ["proxy_mode", "proxy_id", "country", "city", "gateway"]));
        registry.Add(nameof(UpdateProfileProxyForPurchasedProxy), UpdateProfileProxyForPurchasedProxy, ("PurchasedProxyInfo", ["proxy_mode", "proxy_id"]));
        registry.Add(nameof(UpdateProfileGroupsInBatches), UpdateProfileGroupsInBatches, ("UpdateProfileGroupsInBatchesRequest", ["group_id", "profile_id"]));
        registry.Add(nameof(UpdateProfileProxyForCustomProxy), UpdateProfileProxyForCustomProxy, ("CustomProxyInfo", ["proxy_mode", "proxy_check_line", "proxy_type", "proxy_ip", "proxy_port", "proxy_user", "proxy_password"]));
    }

    /// <summary>profile-list: the profiles, filtered by id, name, group and tag, each with its current proxy mode and proxy.</summary>
    public SimulatorOutcome GetProfileList(JToken? body)
    {
        if (Checked(nameof(GetProfileList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            var matching = Store.Profiles.Values
                .Where(p => Matches(request["profile_id"], p.Id) && Matches(request["name"], p.Name) && Matches(request["group_id"], p.GroupId))
                .Where(p => request["tag_id"] is null || (long)request["tag_id"]! == 0 || p.TagIds.Contains((long)request["tag_id"]!))
                // Choice: newest first, as the docs' example lists 1267 before 1266.
                .OrderByDescending(p => p.Id)
                .Select(ProfileItem);
            return PageOutcome(matching, request);
        }
    }

    /// <summary>profile-update-groups-in-batches: moves the profiles into the group (1011 unknown group, 2007 an unknown profile; nothing moves then). Answers "success".</summary>
    public SimulatorOutcome UpdateProfileGroupsInBatches(JToken? body)
    {
        if (Checked(nameof(UpdateProfileGroupsInBatches), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var groupId = (long)request["group_id"]!;
        var ids = request["profile_id"]!.Select(t => (long)t!).Distinct().ToList();
        lock (Store.Gate)
        {
            if (!Store.Groups.ContainsKey(groupId))
            {
                return Error(IxBrowserErrorCodes.OperationFailed);
            }

            if (ids.Any(id => !Store.Profiles.ContainsKey(id)))
            {
                return Error(IxBrowserErrorCodes.ProfileNotFound);
            }

            foreach (var id in ids)
            {
                Store.Profiles[id] = Store.Profiles[id] with { GroupId = groupId };
            }
        }

        return Success(new JValue("success"));
    }

    /// <summary>profile-update-proxy-for-purchased-traffic-package: mode 1 with a traffic package and its location.</summary>
    public SimulatorOutcome UpdateProfileProxyForTrafficPackage(JToken? body) => SwitchProfile(nameof(UpdateProfileProxyForTrafficPackage), body, mode: 1, (profile, info) =>
    {
        var packageId = (long)info["proxy_id"]!;
        if (!Store.TrafficPackages.ContainsKey(packageId))
        {
            return (null, IxBrowserErrorCodes.ResidentialProxyNotFound);
        }

        var location = new SimulatedTrafficPackageSettings((string?)info["country"] ?? string.Empty, (string?)info["city"] ?? string.Empty, (string)info["gateway"]!);
        return (profile with { ProxyId = packageId, TrafficPackage = location }, 0);
    });

    /// <summary>profile-update-proxy-to-purchased-mode (and the Python client's path): mode 3 with a purchased proxy.</summary>
    public SimulatorOutcome UpdateProfileProxyForPurchasedProxy(JToken? body) => SwitchProfile(nameof(UpdateProfileProxyForPurchasedProxy), body, mode: 3, (profile, info) =>
    {
        var proxyId = (long)info["proxy_id"]!;

        // Choice: only a purchased proxy of the proxy list (type 2) qualifies; a custom one answers 2002 too.
        return Store.Proxies.TryGetValue(proxyId, out var proxy) && proxy.Kind == 2
            ? (profile with { ProxyId = proxyId }, 0)
            : (null, IxBrowserErrorCodes.ProxyNotFound);
    });

    /// <summary>profile-update-proxy-for-custom-proxy: mode 2 with a proxy given by its address.</summary>
    public SimulatorOutcome UpdateProfileProxyForCustomProxy(JToken? body) => SwitchProfile(nameof(UpdateProfileProxyForCustomProxy), body, mode: 2, (profile, info) =>
    {
        var settings = new SimulatedCustomProxySettings
        {
            ProxyType = (string)info["proxy_type"]!,
            ProxyIp = (string?)info["proxy_ip"] ?? string.Empty,
            ProxyPort = (string?)info["proxy_port"] ?? string.Empty,
            ProxyUser = (string?)info["proxy_user"] ?? string.Empty,
            ProxyPassword = (string?)info["proxy_password"] ?? string.Empty,
            ProxyCheckLine = (string?)info["proxy_check_line"] ?? "global_line",
        };

        // The page says the ip and the port are required unless the type is direct; the docs give no code, so 1000.
        if (settings.ProxyType != "direct" && (settings.ProxyIp.Length == 0 || settings.ProxyPort.Length == 0))
        {
            return (null, IxBrowserErrorCodes.MissingRequiredParameters);
        }

        // Choice: an address that matches a custom proxy of the list (type, ip, port, user) links the
        // profile to it, so profile-list follows that proxy's later updates and proxy-delete refuses
        // it (108002); any other address is stored on the profile alone.
        var listed = Store.Proxies.Values.FirstOrDefault(p => p.Kind == 1 && p.ProxyType == settings.ProxyType && p.ProxyIp == settings.ProxyIp && p.ProxyPort == settings.ProxyPort && p.ProxyUser == settings.ProxyUser);
        return listed is not null
            ? (profile with { ProxyId = listed.Id }, 0)
            : (profile with { CustomProxy = settings }, 0);
    });

    /// <summary>
    /// The steps the profile-proxy operations share, in the order ixBrowser's codes suggest: the
    /// proxy method (2009 missing, 2010 another mode's), the spec's checks (1000), the profile
    /// (2007), then the operation's own target. The profile's previous proxy settings are dropped.
    /// </summary>
    private SimulatorOutcome SwitchProfile(string operationId, JToken? body, int mode, System.Func<SimulatedProfile, JObject, (SimulatedProfile? Updated, int Code)> apply)
    {
        switch ((body as JObject)?["proxy_info"]?["proxy_mode"])
        {
            case null or { Type: JTokenType.Null }:
                return Error((body as JObject)?["proxy_info"] is JObject ? IxBrowserErrorCodes.ProxyMethodEmpty : IxBrowserErrorCodes.MissingRequiredParameters);
            case { Type: JTokenType.Integer } sent when (long)sent == mode:
                break;
            default:
                return Error(IxBrowserErrorCodes.ProxyMethodOutOfRange);
        }

        if (Checked(operationId, body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            var id = (long)request["profile_id"]!;
            if (!Store.Profiles.TryGetValue(id, out var profile))
            {
                return Error(IxBrowserErrorCodes.ProfileNotFound);
            }

            var cleared = profile with { ProxyMode = mode, ProxyId = null, CustomProxy = null, TrafficPackage = null, ApiExtraction = null };
            var (updated, code) = apply(cleared, (JObject)request["proxy_info"]!);
            if (updated is null)
            {
                return Error(code);
            }

            Store.Profiles[id] = updated;
        }

        return Success(new JValue("success"));
    }

    /// <summary>A profile as profile-list shows it: the documented fields, and the proxy fields of its mode.</summary>
    private JObject ProfileItem(SimulatedProfile profile)
    {
        var item = new JObject
        {
            ["profile_id"] = profile.Id,
            ["site_url"] = profile.SiteUrl,
            ["name"] = profile.Name,
            ["note"] = profile.Note,
            ["color"] = profile.Color,
            ["username"] = string.Empty,
            ["password"] = string.Empty,
            ["last_open_time"] = 0,
            ["group_id"] = profile.GroupId,
            ["group_name"] = Store.Groups.TryGetValue(profile.GroupId, out var group) ? group.Title : string.Empty,
            ["tag_id"] = string.Join(" ", profile.TagIds),
            ["tag_name"] = string.Join(" ", profile.TagIds.Select(t => Store.ProfileTags.TryGetValue(t, out var tag) ? tag.Title : string.Empty)),
            ["proxy_mode"] = profile.ProxyMode,
        };

        if (profile.ProxyId is { } proxyId)
        {
            item["proxy_id"] = proxyId;
        }

        // The proxy's own fields: from the linked proxy of the list, so later proxy-updates show here.
        if (profile.ProxyMode is 2 or 3 && profile.ProxyId is { } linked && Store.Proxies.TryGetValue(linked, out var proxy))
        {
            item["proxy_type"] = proxy.ProxyType;
            item["proxy_ip"] = proxy.ProxyIp;
            item["proxy_port"] = proxy.ProxyPort;
        }
        else if (profile.CustomProxy is { } custom)
        {
            item["proxy_type"] = custom.ProxyType;
            item["proxy_ip"] = custom.ProxyIp;
            item["proxy_port"] = custom.ProxyPort;
        }
        else if (profile.ApiExtraction is { } extraction)
        {
            item["proxy_type"] = extraction.ProxyType;
            item["proxy_url"] = extraction.ProxyUrl;
        }

        item["real_ip"] = string.Empty;
        item["cache_path"] = profile.Id.ToString("x32", CultureInfo.InvariantCulture);
        return item;
    }
}
