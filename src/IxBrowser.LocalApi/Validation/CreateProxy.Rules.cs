using System.Collections.Generic;
using System.Linq;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi;

// Rules of CreateProxy that the spec cannot express: page 39 lists http, https, socks5 and ssh (a
// stored proxy cannot be "no proxy", so ProxyType.Direct is refused), and a null tag cannot be sent
// on the hand-written ProxyTagList.
public partial class CreateProxyRequest : ICrossFieldRules
{
    void ICrossFieldRules.AddProblems(ICollection<string> problems)
    {
        if (ProxyType == ProxyType.Direct)
        {
            problems.Add(RequestValidator.Name("ProxyType", "proxy_type") + " cannot be Direct for a stored proxy: use Http, Https, Socks5 or Ssh (to run a profile without a proxy, switch it to a custom proxy of type Direct).");
        }

        if (Tags is { } tags && tags.Any(tag => tag is null))
        {
            problems.Add(RequestValidator.Name("Tags", "tag") + " must not contain null; remove the null entries.");
        }
    }
}
