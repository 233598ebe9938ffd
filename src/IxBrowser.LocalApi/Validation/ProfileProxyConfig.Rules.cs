using System.Collections.Generic;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi;

// Rules of a saved proxy (pages 02 and 14) that the spec cannot express, shared by CreateProfile and
// UpdateProfile: which fields a mode needs. Mode 2 (custom) needs a host and port unless its type is
// direct; modes 1 and 3 need the package or proxy id; mode 4 needs the extraction link.
public partial class ProfileProxyConfig
{
    internal void AddProblems(ICollection<string> problems)
    {
        switch (ProxyMode)
        {
            case LocalApi.ProxyMode.Custom when ProxyType is { } type && type != LocalApi.ProxyType.Direct:
                if (string.IsNullOrWhiteSpace(ProxyIp))
                {
                    problems.Add(RequestValidator.Name("ProxyConfig.ProxyIp", "proxy_config.proxy_ip") + $" is required when ProxyType is {type}: set the proxy's host name or IP address (only ProxyType.Direct goes without one).");
                }

                if (string.IsNullOrEmpty(ProxyPort))
                {
                    problems.Add(RequestValidator.Name("ProxyConfig.ProxyPort", "proxy_config.proxy_port") + $" is required when ProxyType is {type}: set the proxy's port, for example \"8080\" (only ProxyType.Direct goes without one).");
                }

                break;
            case LocalApi.ProxyMode.TrafficPackage or LocalApi.ProxyMode.PurchasedProxy when string.IsNullOrEmpty(ProxyId):
                problems.Add(RequestValidator.Name("ProxyConfig.ProxyId", "proxy_config.proxy_id") + $" is required when ProxyMode is {ProxyMode}: set the id of the traffic package or purchased proxy, as digits (see GetTrafficPackageListAsync and GetProxyListAsync).");
                break;
            case LocalApi.ProxyMode.ApiExtraction when string.IsNullOrWhiteSpace(ProxyUrl):
                problems.Add(RequestValidator.Name("ProxyConfig.ProxyUrl", "proxy_config.proxy_url") + " is required when ProxyMode is ApiExtraction: set the provider's extraction link.");
                break;
        }
    }
}
