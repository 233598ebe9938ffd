using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// ixBrowser's behaviour for the operations that change or read the simulator's state. A public
/// method named after an operationId of the spec, taking the body and returning an
/// <see cref="Outcome"/>, is that operation's behaviour (<see cref="OperationRoutes"/> finds it);
/// every other operation of the spec answers its success example after the spec's own checks. Which fields are
/// required, their JSON types and their allowed values come from the spec (<see cref="SpecRules"/>);
/// which error code answers which mistake comes from the vendor's error-code appendix. Where the docs
/// are silent the choice is written next to the rule and in the simulator's README section.
/// </summary>
internal sealed partial class SimulatorEngine
{
    private const string UpdateProxySchema = "UpdateProxyRequest";
    private const string ExtractionSchema = "UpdateProfileProxyForApiExtractionRequest";
    private const string ProxyInfoSchema = "ApiExtractionProxyInfo";
    private const string JsonFormatSchema = "ProxyDataJsonFormat";

    // The vendor's 1010xx codes for profile proxy settings (error-code appendix); the simulator
    // answers them for the extraction operation, whose page only says "1000 1008 2007 2009 2010".
    private static readonly Dictionary<string, int> ExtractionValueErrors = new(StringComparer.Ordinal)
    {
        ["proxy_type"] = IxBrowserErrorCodes.ProfileCreateProxyTypeOutOfRange,
        ["proxy_service"] = IxBrowserErrorCodes.ProfileCreateProxyServiceOutOfRange,
        ["proxy_data_format_type"] = IxBrowserErrorCodes.ProfileCreateProxyDataFormatTypeOutOfRange,
        ["proxy_extraction_method"] = IxBrowserErrorCodes.ProfileCreateProxyExtractionMethodOutOfRange,
        ["proxy_data_txt_format"] = IxBrowserErrorCodes.ProfileCreateProxyDataTxtFormatOutOfRange,
        ["proxy_check_line"] = IxBrowserErrorCodes.MissingRequiredParameters,
    };

    private const string DeleteProxySchema = "DeleteProxyRequest";

    private static readonly string[] UpdateProxyFields = { "id", "proxy_type", "proxy_ip", "proxy_port", "proxy_user", "proxy_password", "tag", "note" };
    private static readonly string[] DeleteProxyFields = { "id" };
    private static readonly string[] UpdateProxyStringFields = { "proxy_type", "proxy_ip", "proxy_port", "proxy_user", "proxy_password", "note" };
    private static readonly string[] ExtractionFields = { "profile_id", "proxy_info" };
    private static readonly string[] ProxyInfoFields = { "proxy_mode", "proxy_check_line", "proxy_type", "proxy_service", "proxy_data_format_type", "proxy_data_txt_format", "proxy_data_json_format", "proxy_extraction_method", "proxy_url" };
    private static readonly string[] JsonFormatFields = { "ip", "port", "username", "password" };

    // The fields the workflow's behaviours (SimulatorEngine.*.cs) read, per request schema; a field the
    // spec gains or loses stops the simulator from starting.
    private static readonly Dictionary<string, string[]> WorkflowFields = new(StringComparer.Ordinal)
    {
        ["GetProfileListRequest"] = new[] { "profile_id", "name", "group_id", "tag_id", "page", "limit" },
        ["GetGroupListRequest"] = new[] { "page", "limit", "title" },
        ["GetTagListRequest"] = new[] { "page", "limit", "title" },
        ["GetTrafficPackageListRequest"] = new[] { "page", "limit" },
        ["GetProxyListRequest"] = new[] { "page", "limit", "type", "proxy_ip", "tag_id" },
        ["GetProxyTagListRequest"] = new[] { "page", "limit", "title" },
        ["TrafficPackageProxyInfo"] = new[] { "proxy_mode", "proxy_id", "country", "city", "gateway" },
        ["PurchasedProxyInfo"] = new[] { "proxy_mode", "proxy_id" },
        ["CustomProxyInfo"] = new[] { "proxy_mode", "proxy_check_line", "proxy_type", "proxy_ip", "proxy_port", "proxy_user", "proxy_password" },
        ["CreateProxyRequest"] = new[] { "proxy_type", "proxy_ip", "proxy_port", "proxy_user", "proxy_password", "tag", "note" },
        ["CreateProxyTagRequest"] = new[] { "title" },
        ["UpdateProxyTagRequest"] = new[] { "id", "title" },
        ["DeleteProxyTagRequest"] = new[] { "id" },
    };

    private readonly object _gate = new();
    private readonly SpecRules _spec;
    private readonly Dictionary<long, SimulatedProxy> _proxies = new();
    private readonly Dictionary<long, SimulatedProfile> _profiles = new();
    private readonly Dictionary<long, SimulatedGroup> _groups = new();
    private readonly Dictionary<long, SimulatedTag> _profileTags = new();
    private readonly Dictionary<long, SimulatedTag> _proxyTags = new();
    private readonly Dictionary<long, SimulatedTrafficPackage> _trafficPackages = new();

    public SimulatorEngine(SpecRules spec)
    {
        _spec = spec;
        _spec.EnsureHandled(UpdateProxySchema, UpdateProxyFields);
        _spec.EnsureHandled(ExtractionSchema, ExtractionFields);
        _spec.EnsureHandled(ProxyInfoSchema, ProxyInfoFields);
        _spec.EnsureHandled(JsonFormatSchema, JsonFormatFields);
        _spec.EnsureHandled(DeleteProxySchema, DeleteProxyFields);

        foreach (var (schema, fields) in WorkflowFields)
        {
            _spec.EnsureHandled(schema, fields);
        }
    }

    public IReadOnlyList<SimulatedProxy> Proxies
    {
        get { lock (_gate) { return _proxies.Values.OrderBy(p => p.Id).ToList(); } }
    }

    public IReadOnlyList<SimulatedProfile> Profiles
    {
        get { lock (_gate) { return _profiles.Values.OrderBy(p => p.Id).ToList(); } }
    }

    public void Put(SimulatedProxy proxy) => Store(_proxies, proxy.Id, proxy);

    public void Put(SimulatedProfile profile) => Store(_profiles, profile.Id, profile);

    public void Put(SimulatedGroup group) => Store(_groups, group.Id, group);

    public void PutProfileTag(SimulatedTag tag) => Store(_profileTags, tag.Id, tag);

    public void PutProxyTag(SimulatedTag tag) => Store(_proxyTags, tag.Id, tag);

    public void Put(SimulatedTrafficPackage package) => Store(_trafficPackages, package.Id, package);

    private void Store<T>(Dictionary<long, T> store, long id, T item)
    {
        lock (_gate)
        {
            store[id] = item;
        }
    }

    /// <summary>A consistent copy of everything the simulator holds.</summary>
    public SimulatorState Export()
    {
        lock (_gate)
        {
            return new SimulatorState
            {
                Profiles = _profiles.Values.OrderBy(p => p.Id).ToList(),
                Proxies = _proxies.Values.OrderBy(p => p.Id).ToList(),
                Groups = _groups.Values.OrderBy(g => g.Id).ToList(),
                ProfileTags = _profileTags.Values.OrderBy(t => t.Id).ToList(),
                ProxyTags = _proxyTags.Values.OrderBy(t => t.Id).ToList(),
                TrafficPackages = _trafficPackages.Values.OrderBy(p => p.Id).ToList(),
            };
        }
    }

    /// <summary>Replaces everything the simulator holds with <paramref name="state"/>.</summary>
    public void Import(SimulatorState state)
    {
        lock (_gate)
        {
            Replace(_profiles, state.Profiles, p => p.Id);
            Replace(_proxies, state.Proxies, p => p.Id);
            Replace(_groups, state.Groups, g => g.Id);
            Replace(_profileTags, state.ProfileTags, t => t.Id);
            Replace(_proxyTags, state.ProxyTags, t => t.Id);
            Replace(_trafficPackages, state.TrafficPackages, p => p.Id);
        }

        static void Replace<T>(Dictionary<long, T> store, IEnumerable<T>? items, Func<T, long> id)
        {
            store.Clear();
            foreach (var item in items ?? Enumerable.Empty<T>())
            {
                store[id(item)] = item;
            }
        }
    }

    public IReadOnlyList<SimulatedTag> ProxyTags
    {
        get { lock (_gate) { return _proxyTags.Values.OrderBy(t => t.Id).ToList(); } }
    }

    public SimulatedProxy? Proxy(long id)
    {
        lock (_gate)
        {
            return _proxies.TryGetValue(id, out var proxy) ? proxy : null;
        }
    }

    public SimulatedProfile? Profile(long id)
    {
        lock (_gate)
        {
            return _profiles.TryGetValue(id, out var profile) ? profile : null;
        }
    }

    /// <summary>proxy-update: a partial update of a stored custom proxy. Answers data 1.</summary>
    public Outcome UpdateProxy(JToken? body)
    {
        if (body is not JObject request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        // Choice: a missing, null or non-positive id answers 104001 ("Proxy id cannot be empty"), the
        // operation's own code, rather than the generic 1000.
        if (request["id"] is not { Type: JTokenType.Integer } idToken || (long)idToken < 1)
        {
            return Error(IxBrowserErrorCodes.ProxyIdEmpty);
        }

        foreach (var field in UpdateProxyStringFields)
        {
            if (request[field] is { } value && value.Type != JTokenType.String)
            {
                return Error(field == "proxy_type" ? IxBrowserErrorCodes.ProxyTypeOutOfRange : IxBrowserErrorCodes.MissingRequiredParameters);
            }
        }

        var type = (string?)request["proxy_type"];
        if (type is not null && _spec.AllowedValues(UpdateProxySchema, "proxy_type")?.Contains(type) == false)
        {
            return Error(IxBrowserErrorCodes.ProxyTypeOutOfRange);
        }

        // Choice: the ip and the port cannot be cleared (the appendix's 104002 and 104004); user,
        // password, tags and note can, with "".
        if ((string?)request["proxy_ip"] == string.Empty)
        {
            return Error(IxBrowserErrorCodes.ProxyIpEmpty);
        }

        if ((string?)request["proxy_port"] == string.Empty)
        {
            return Error(IxBrowserErrorCodes.ProxyPortEmpty);
        }

        if (!TryReadTags(request["tag"], out var tags))
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (_gate)
        {
            var id = (long)idToken;
            if (!_proxies.TryGetValue(id, out var stored))
            {
                return Error(IxBrowserErrorCodes.ProxyNotFound);
            }

            var updated = stored with
            {
                ProxyType = type ?? stored.ProxyType,
                ProxyIp = (string?)request["proxy_ip"] ?? stored.ProxyIp,
                ProxyPort = (string?)request["proxy_port"] ?? stored.ProxyPort,
                ProxyUser = (string?)request["proxy_user"] ?? stored.ProxyUser,
                ProxyPassword = (string?)request["proxy_password"] ?? stored.ProxyPassword,
                Tags = tags ?? stored.Tags,
                Note = (string?)request["note"] ?? stored.Note,
            };

            // Choice: 104006 ("the proxy already exists") when the update would make this proxy the
            // same endpoint and account as another one.
            if (_proxies.Values.Any(p => p.Id != id && p.ProxyType == updated.ProxyType && p.ProxyIp == updated.ProxyIp && p.ProxyPort == updated.ProxyPort && p.ProxyUser == updated.ProxyUser))
            {
                return Error(IxBrowserErrorCodes.ProxyAlreadyExists);
            }

            EnsureProxyTags(updated.Tags);
            _proxies[id] = updated;
        }

        return new Outcome(0, "success", new JValue(1));
    }

    /// <summary>API extraction: stores the settings on the profile and switches it to proxy_mode 4. Answers data "success".</summary>
    public Outcome UpdateProfileProxyForApiExtraction(JToken? body)
    {
        if (body is not JObject request || request["profile_id"] is not { Type: JTokenType.Integer } profileToken || (long)profileToken < 1)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        if (request["proxy_info"] is not JObject info)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        switch (info["proxy_mode"])
        {
            case null or { Type: JTokenType.Null }:
                return Error(IxBrowserErrorCodes.ProxyMethodEmpty);
            case { Type: JTokenType.Integer } mode when (long)mode == 4:
                break;
            default:
                // This operation only accepts 4 (API extraction); the other modes have their own endpoints.
                return Error(IxBrowserErrorCodes.ProxyMethodOutOfRange);
        }

        var url = info["proxy_url"];
        if (url is null || url.Type != JTokenType.String || ((string)url!).Length == 0)
        {
            return Error(IxBrowserErrorCodes.ProfileCreateExtractionLinkEmpty);
        }

        foreach (var field in _spec.Properties(ProxyInfoSchema))
        {
            var value = info[field];
            if (value is null or { Type: JTokenType.Null })
            {
                if (_spec.IsRequired(ProxyInfoSchema, field))
                {
                    return Error(IxBrowserErrorCodes.MissingRequiredParameters);
                }

                continue;
            }

            var jsonType = _spec.JsonType(ProxyInfoSchema, field);
            if (jsonType == JsonSchemaType.String && value.Type != JTokenType.String)
            {
                return Error(ExtractionValueErrors.TryGetValue(field, out var typeCode) ? typeCode : IxBrowserErrorCodes.MissingRequiredParameters);
            }

            if (_spec.AllowedValues(ProxyInfoSchema, field) is { } allowed && !allowed.Contains((string)value!))
            {
                return Error(ExtractionValueErrors[field]);
            }
        }

        // Choice: only "general" is accepted, the one provider the docs name.
        if ((string?)info["proxy_service"] != "general")
        {
            return Error(IxBrowserErrorCodes.ProfileCreateProxyServiceOutOfRange);
        }

        var format = (string)info["proxy_data_format_type"]!;
        var mapping = info["proxy_data_json_format"] as JObject;
        if (format == "json")
        {
            if (string.IsNullOrEmpty((string?)mapping?["ip"]))
            {
                return Error(IxBrowserErrorCodes.ProfileCreateProxyDataJsonFormatIpEmpty);
            }

            if (string.IsNullOrEmpty((string?)mapping?["port"]))
            {
                return Error(IxBrowserErrorCodes.ProfileCreateProxyDataJsonFormatPortEmpty);
            }
        }

        lock (_gate)
        {
            var id = (long)profileToken;
            if (!_profiles.TryGetValue(id, out var profile))
            {
                return Error(IxBrowserErrorCodes.ProfileNotFound);
            }

            _profiles[id] = profile with
            {
                ProxyMode = 4,
                ProxyId = null,
                CustomProxy = null,
                TrafficPackage = null,
                ApiExtraction = new SimulatedExtractionSettings
                {
                    ProxyCheckLine = (string)info["proxy_check_line"]!,
                    ProxyType = (string)info["proxy_type"]!,
                    ProxyService = (string)info["proxy_service"]!,
                    ProxyDataFormatType = format,
                    ProxyDataTxtFormat = (string?)info["proxy_data_txt_format"],
                    JsonIpField = (string?)mapping?["ip"],
                    JsonPortField = (string?)mapping?["port"],
                    ProxyExtractionMethod = (string)info["proxy_extraction_method"]!,
                    ProxyUrl = (string)url!,
                },
            };
        }

        return new Outcome(0, "success", new JValue("success"));
    }

    /// <summary>proxy-delete: removes a stored custom proxy. Answers data 1.</summary>
    public Outcome DeleteProxy(JToken? body)
    {
        // Choice, as for proxy-update: a missing, null or non-positive id answers the operation's own
        // "Proxy id cannot be empty" (108001) rather than the generic 1000.
        if (body is not JObject request || request["id"] is not { Type: JTokenType.Integer } idToken || (long)idToken < 1)
        {
            return Error(IxBrowserErrorCodes.ProxyDeleteProxyIdEmpty);
        }

        lock (_gate)
        {
            var id = (long)idToken;
            if (!_proxies.ContainsKey(id))
            {
                return Error(IxBrowserErrorCodes.ProxyNotFound);
            }

            // Choice: a proxy that a profile uses (SimulatedProfile.ProxyId) cannot be deleted (108002);
            // the docs name the code but not the rule.
            if (_profiles.Values.Any(p => p.ProxyId == id))
            {
                return Error(IxBrowserErrorCodes.ProxyDeleteProxyInUse);
            }

            _proxies.Remove(id);
        }

        return new Outcome(0, "success", new JValue(1));
    }

    public static Outcome Error(int code) =>
        new(code, IxBrowserErrorCodes.GetDescription(code) ?? "Error " + code, new JArray());

    /// <summary>What the envelope will say.</summary>
    internal sealed record Outcome(int Code, string Message, JToken Data);
}
