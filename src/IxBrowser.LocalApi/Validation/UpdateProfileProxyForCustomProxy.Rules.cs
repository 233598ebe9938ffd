using System.Collections.Generic;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi;

// Cross-field rule of UpdateProfileProxyForCustomProxy that the spec cannot express (page 17): the
// proxy's IP and port are required unless its type is direct, which means no proxy at all.
public partial class UpdateProfileProxyForCustomProxyRequest : ICrossFieldRules
{
    void ICrossFieldRules.AddProblems(ICollection<string> problems)
    {
        if (ProxyInfo.ProxyType == ProxyType.Direct)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(ProxyInfo.ProxyIp))
        {
            problems.Add(RequestValidator.Name("ProxyInfo.ProxyIp", "proxy_info.proxy_ip") + $" is required when ProxyType is {ProxyInfo.ProxyType}: set the proxy's host name or IP address (only ProxyType.Direct goes without one).");
        }

        if (ProxyInfo.ProxyPort is null)
        {
            problems.Add(RequestValidator.Name("ProxyInfo.ProxyPort", "proxy_info.proxy_port") + $" is required when ProxyType is {ProxyInfo.ProxyType}: set the proxy's port, for example \"8080\" (only ProxyType.Direct goes without one).");
        }
    }
}
