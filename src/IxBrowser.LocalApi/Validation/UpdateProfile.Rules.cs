using System.Collections.Generic;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi;

// Rules of UpdateProfile that the spec cannot express: the site URL of the platform Other, and the proxy
// fields each proxy mode needs (ProfileProxyConfig.Rules.cs).
public partial class UpdateProfileRequest : ICrossFieldRules
{
    void ICrossFieldRules.AddProblems(ICollection<string> problems)
    {
        SitePlatformRules.AddProblems(SiteId, SiteUrl, problems);
        ProxyConfig?.AddProblems(problems);
    }
}
