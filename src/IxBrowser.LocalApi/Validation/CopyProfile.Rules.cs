using System.Collections.Generic;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi;

// Rule of CopyProfile that the spec cannot express: the site URL of the platform Other (112006).
public partial class CopyProfileRequest : ICrossFieldRules
{
    void ICrossFieldRules.AddProblems(ICollection<string> problems) => SitePlatformRules.AddProblems(SiteId, SiteUrl, problems);
}
