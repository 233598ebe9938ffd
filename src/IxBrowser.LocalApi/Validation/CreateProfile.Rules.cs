using System.Collections.Generic;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi;

// Rules of CreateProfile that the spec cannot express (ProfileSettingsRules): the site URL of the platform
// Other, and the proxy fields each proxy mode needs.
public partial class CreateProfileRequest : ICrossFieldRules
{
    void ICrossFieldRules.AddProblems(ICollection<string> problems) => ProfileSettingsRules.AddProblems(SiteId, SiteUrl, ProxyConfig, problems);
}
