using System;
using System.Globalization;
using System.Linq;

namespace IxBrowser.LocalApi;

/// <summary>
/// Client-side checks that run before any HTTP traffic. Only rules the vendor documents (required
/// fields, enumerated values, the json mapping's ip and port) or that the wire format implies (a
/// port is a number in 1-65535, an extraction link is an absolute http(s) URL) are enforced; the
/// rest is left to ixBrowser. Messages name the C# property and the wire field, never a secret value.
/// </summary>
internal static class RequestValidator
{
    public static void Validate(UpdateProfileProxyForApiExtractionRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request), "The request is required: pass an UpdateProfileProxyForApiExtractionRequest with ProfileId and ProxyInfo set.");
        }

        if (request.ProfileId < 1)
        {
            throw Invalid("ProfileId", "profile_id", $"must be a positive profile id, not {request.ProfileId}. Set it to the id ixBrowser shows for the profile.");
        }

        var info = request.ProxyInfo ?? throw Invalid("ProxyInfo", "proxy_info", "is required: set it to an ApiExtractionProxyInfo describing the extraction link.");
        RequireDefined(info.ProxyCheckLine, "ProxyInfo.ProxyCheckLine", "proxy_check_line");
        RequireDefined(info.ProxyType, "ProxyInfo.ProxyType", "proxy_type");
        RequireDefined(info.ProxyDataFormatType, "ProxyInfo.ProxyDataFormatType", "proxy_data_format_type");
        RequireDefined(info.ProxyExtractionMethod, "ProxyInfo.ProxyExtractionMethod", "proxy_extraction_method");
        if (info.ProxyDataTxtFormat is { } txtFormat)
        {
            RequireDefined(txtFormat, "ProxyInfo.ProxyDataTxtFormat", "proxy_data_txt_format");
        }

        if (string.IsNullOrWhiteSpace(info.ProxyService))
        {
            throw Invalid("ProxyInfo.ProxyService", "proxy_service", "is required: leave it at its default, \"general\".");
        }

        if (string.IsNullOrWhiteSpace(info.ProxyUrl))
        {
            throw Invalid("ProxyInfo.ProxyUrl", "proxy_url", "is required: set it to the provider's extraction link (an absolute http or https URL).");
        }

        if (!Uri.TryCreate(info.ProxyUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            // The value is not repeated: extraction links carry the provider's API key.
            throw Invalid("ProxyInfo.ProxyUrl", "proxy_url", "must be an absolute http or https URL (the provider's extraction link); the value given is not one. It is not shown here because it may hold an API key.");
        }

        if (info.ProxyDataFormatType == ProxyDataFormatType.Json)
        {
            var mapping = info.ProxyDataJsonFormat
                ?? throw Invalid("ProxyInfo.ProxyDataJsonFormat", "proxy_data_json_format", "is required when ProxyDataFormatType is Json: set it to a ProxyDataJsonFormat naming the answer's ip and port fields.");
            if (string.IsNullOrWhiteSpace(mapping.Ip))
            {
                throw Invalid("ProxyInfo.ProxyDataJsonFormat.Ip", "proxy_data_json_format.ip", "is required when ProxyDataFormatType is Json: name the JSON field that holds the proxy's IP (default \"ip\").");
            }

            if (string.IsNullOrWhiteSpace(mapping.Port))
            {
                throw Invalid("ProxyInfo.ProxyDataJsonFormat.Port", "proxy_data_json_format.port", "is required when ProxyDataFormatType is Json: name the JSON field that holds the proxy's port (default \"port\").");
            }
        }
    }

    public static void Validate(UpdateProxyRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request), "The request is required: pass an UpdateProxyRequest with Id and the fields to change.");
        }

        if (request.Id < 1)
        {
            throw Invalid("Id", "id", $"must be a positive proxy id, not {request.Id}. Set it to the id of the custom proxy to change.");
        }

        if (request.ProxyType is { } type)
        {
            RequireDefined(type, "ProxyType", "proxy_type");
        }

        // An empty string is legal: it clears the field. Anything else must be a port number.
        if (!string.IsNullOrEmpty(request.ProxyPort) && !IsPort(request.ProxyPort!))
        {
            throw Invalid("ProxyPort", "proxy_port", $"must be a port number from 1 to 65535 written in decimal digits (or \"\" to clear it), not \"{request.ProxyPort}\".");
        }

        if (request.Tags is { } tags && tags.Any(tag => tag is null))
        {
            throw Invalid("Tags", "tag", "must not contain null; remove the null entries (an empty list clears the tags).");
        }
    }

    private static bool IsPort(string text) =>
        text.Length <= 5
        && text.All(c => c is >= '0' and <= '9')
        && int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) is >= 1 and <= 65535;

    private static void RequireDefined<TEnum>(TEnum value, string property, string wireName)
        where TEnum : struct, Enum
    {
        if (!DefinedValues<TEnum>.All.Contains(value))
        {
            var choices = string.Join(", ", Enum.GetNames(typeof(TEnum)).Select(name => typeof(TEnum).Name + "." + name));
            var problem = Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0 ? "is not set" : $"has the undefined value {value}";
            throw Invalid(property, wireName, $"{problem}: choose one of {choices}.");
        }
    }

    /// <summary>The members of an enum, looked up once: Enum.IsDefined(Type, object) boxes on every call.</summary>
    private static class DefinedValues<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly System.Collections.Generic.HashSet<TEnum> All = new(Enum.GetValues(typeof(TEnum)).Cast<TEnum>());
    }

    private static ArgumentException Invalid(string property, string wireName, string problem) =>
        new($"{property} ({wireName}) {problem}", "request." + property);
}
