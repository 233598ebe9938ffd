using System.Collections.Generic;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi;

// Cross-field rule of UpdateProfileProxyForApiExtraction that the spec cannot express: with a JSON
// extraction answer, ixBrowser needs to know which of its fields hold the ip and the port
// (errors 101051 and 101052 of the appendix).
public partial class UpdateProfileProxyForApiExtractionRequest : ICrossFieldRules
{
    void ICrossFieldRules.AddProblems(ICollection<string> problems)
    {
        if (ProxyInfo.ProxyDataFormatType != ProxyDataFormatType.Json)
        {
            return;
        }

        var mapping = ProxyInfo.ProxyDataJsonFormat;
        if (mapping is null)
        {
            problems.Add(RequestValidator.Name("ProxyInfo.ProxyDataJsonFormat", "proxy_data_json_format") + " is required when ProxyDataFormatType is Json: set it to a ProxyDataJsonFormat naming the answer's ip and port fields.");
            return;
        }

        if (string.IsNullOrWhiteSpace(mapping.Ip))
        {
            problems.Add(RequestValidator.Name("ProxyInfo.ProxyDataJsonFormat.Ip", "proxy_data_json_format.ip") + " is required when ProxyDataFormatType is Json: name the JSON field that holds the proxy's IP (default \"ip\").");
        }

        if (string.IsNullOrWhiteSpace(mapping.Port))
        {
            problems.Add(RequestValidator.Name("ProxyInfo.ProxyDataJsonFormat.Port", "proxy_data_json_format.port") + " is required when ProxyDataFormatType is Json: name the JSON field that holds the proxy's port (default \"port\").");
        }
    }
}
