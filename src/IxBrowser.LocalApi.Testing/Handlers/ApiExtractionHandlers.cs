using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// A profile's switch to API extraction (proxy_mode 4, page 18), one of the two operations the project
/// was founded on: the checks in the order ixBrowser's codes suggest, then the settings stored on the profile.
/// </summary>
internal sealed class ApiExtractionHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    private const string InfoSchema = "ApiExtractionProxyInfo";

    // The vendor's 1010xx codes for profile proxy settings (error-code appendix); the simulator
    // answers them for the extraction operation, whose page only says "1000 1008 2007 2009 2010".
    private static readonly Dictionary<string, int> ValueErrors = new(StringComparer.Ordinal)
    {
        ["proxy_type"] = IxBrowserErrorCodes.ProfileCreateProxyTypeOutOfRange,
        ["proxy_service"] = IxBrowserErrorCodes.ProfileCreateProxyServiceOutOfRange,
        ["proxy_data_format_type"] = IxBrowserErrorCodes.ProfileCreateProxyDataFormatTypeOutOfRange,
        ["proxy_extraction_method"] = IxBrowserErrorCodes.ProfileCreateProxyExtractionMethodOutOfRange,
        ["proxy_data_txt_format"] = IxBrowserErrorCodes.ProfileCreateProxyDataTxtFormatOutOfRange,
        ["proxy_check_line"] = IxBrowserErrorCodes.MissingRequiredParameters,
    };

    public override void Register(OperationRegistry registry) => registry.Add(
        nameof(UpdateProfileProxyForApiExtraction),
        UpdateProfileProxyForApiExtraction,
        ("UpdateProfileProxyForApiExtractionRequest", ["profile_id", "proxy_info"]),
        (InfoSchema, ["proxy_mode", "proxy_check_line", "proxy_type", "proxy_service", "proxy_data_format_type", "proxy_data_txt_format", "proxy_data_json_format", "proxy_extraction_method", "proxy_url"]),
        ("ProxyDataJsonFormat", ["ip", "port", "username", "password"]));

    /// <summary>API extraction: stores the settings on the profile and switches it to proxy_mode 4. Answers data "success".</summary>
    public SimulatorOutcome UpdateProfileProxyForApiExtraction(JToken? body)
    {
        if (body is not JObject request || request["profile_id"] is not { Type: JTokenType.Integer } profileToken || (long)profileToken < 1 || request["proxy_info"] is not JObject info)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        if ((ModeRefusal(info) ?? LinkRefusal(info) ?? FieldRefusal(info) ?? FormatRefusal(info)) is { } code)
        {
            return Error(code);
        }

        lock (Store.Gate)
        {
            var id = (long)profileToken;
            if (!Store.Profiles.TryGetValue(id, out var profile))
            {
                return Error(IxBrowserErrorCodes.ProfileNotFound);
            }

            Store.Profiles[id] = profile with { ProxyMode = 4, ProxyId = null, CustomProxy = null, TrafficPackage = null, ApiExtraction = Settings(info) };
        }

        return Success(new JValue("success"));
    }

    /// <summary>proxy_mode missing (2009), or another mode's (2010): the other modes have their own endpoints.</summary>
    private static int? ModeRefusal(JObject info) => info["proxy_mode"] switch
    {
        null or { Type: JTokenType.Null } => IxBrowserErrorCodes.ProxyMethodEmpty,
        { Type: JTokenType.Integer } mode when (long)mode == 4 => null,
        _ => IxBrowserErrorCodes.ProxyMethodOutOfRange,
    };

    private static int? LinkRefusal(JObject info) =>
        info["proxy_url"] is { Type: JTokenType.String } url && ((string)url!).Length > 0 ? null : IxBrowserErrorCodes.ProfileCreateExtractionLinkEmpty;

    /// <summary>Required fields (1000), string fields of another type and values outside the spec's sets (the 1010xx codes).</summary>
    private int? FieldRefusal(JObject info)
    {
        foreach (var field in Spec.Properties(InfoSchema))
        {
            var value = info[field];
            if (value is null or { Type: JTokenType.Null })
            {
                if (Spec.IsRequired(InfoSchema, field))
                {
                    return IxBrowserErrorCodes.MissingRequiredParameters;
                }

                continue;
            }

            if (Spec.JsonType(InfoSchema, field) == JsonSchemaType.String && value.Type != JTokenType.String)
            {
                return ValueErrors.TryGetValue(field, out var typeCode) ? typeCode : IxBrowserErrorCodes.MissingRequiredParameters;
            }

            if (Spec.AllowedValues(InfoSchema, field) is { } allowed && !allowed.Contains((string)value!))
            {
                return ValueErrors[field];
            }
        }

        return null;
    }

    /// <summary>Choice: only "general" is accepted, the one provider the docs name; the json format needs its ip and port mapping.</summary>
    private static int? FormatRefusal(JObject info)
    {
        if ((string?)info["proxy_service"] != "general")
        {
            return IxBrowserErrorCodes.ProfileCreateProxyServiceOutOfRange;
        }

        var mapping = info["proxy_data_json_format"] as JObject;
        return (string)info["proxy_data_format_type"]! != "json" ? null
            : string.IsNullOrEmpty((string?)mapping?["ip"]) ? IxBrowserErrorCodes.ProfileCreateProxyDataJsonFormatIpEmpty
            : string.IsNullOrEmpty((string?)mapping?["port"]) ? IxBrowserErrorCodes.ProfileCreateProxyDataJsonFormatPortEmpty
            : null;
    }

    private static SimulatedExtractionSettings Settings(JObject info)
    {
        var mapping = info["proxy_data_json_format"] as JObject;
        return new SimulatedExtractionSettings
        {
            ProxyCheckLine = (string)info["proxy_check_line"]!,
            ProxyType = (string)info["proxy_type"]!,
            ProxyService = (string)info["proxy_service"]!,
            ProxyDataFormatType = (string)info["proxy_data_format_type"]!,
            ProxyDataTxtFormat = (string?)info["proxy_data_txt_format"],
            JsonIpField = (string?)mapping?["ip"],
            JsonPortField = (string?)mapping?["port"],
            ProxyExtractionMethod = (string)info["proxy_extraction_method"]!,
            ProxyUrl = (string)info["proxy_url"]!,
        };
    }
}
