using System.Collections.Generic;

namespace IxBrowser.LocalApi.Validation;

/// <summary>The site rule of pages 02, 03 and 14: the platform Other (21) needs its URL (101011, 112006).</summary>
internal static class SitePlatformRules
{
    public static void AddProblems(SitePlatform? siteId, string? siteUrl, ICollection<string> problems)
    {
        if (siteId == SitePlatform.Other && string.IsNullOrWhiteSpace(siteUrl))
        {
            problems.Add(RequestValidator.Name("SiteUrl", "site_url") + " is required when SiteId is SitePlatform.Other: set the platform's URL, for example \"https://example.com/\", or choose a listed platform.");
        }
    }
}
