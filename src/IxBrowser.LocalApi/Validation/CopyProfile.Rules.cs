using System.Collections.Generic;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi;

// Rule of CopyProfile that the spec cannot express (ProfileSettingsRules): the site URL of the platform Other (112006).
public partial class CopyProfileRequest : ICrossFieldRules
{
    void ICrossFieldRules.AddProblems(ICollection<string> problems) => ProfileSettingsRules.AddProblems(SiteId, SiteUrl, proxyConfig: null, problems);
}
