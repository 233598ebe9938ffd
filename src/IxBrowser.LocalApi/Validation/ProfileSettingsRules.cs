using System.Collections.Generic;

namespace IxBrowser.LocalApi.Validation;

/// <summary>
/// The rules of pages 02, 03 and 14 that the spec cannot express, shared by their requests' partials:
/// the platform Other (21) needs its URL (101011, 112006), and a saved proxy needs the fields of its
/// mode (<see cref="ProfileProxyConfig"/>'s rules).
/// </summary>
internal static class ProfileSettingsRules
{
    public static void AddProblems(SitePlatform? siteId, string? siteUrl, ProfileProxyConfig? proxyConfig, ICollection<string> problems)
    {
        if (siteId == SitePlatform.Other && string.IsNullOrWhiteSpace(siteUrl))
        {
            problems.Add(RequestValidator.Name("SiteUrl", "site_url") + " is required when SiteId is SitePlatform.Other: set the platform's URL, for example \"https://example.com/\", or choose a listed platform.");
        }

        proxyConfig?.AddProblems(problems);
    }
}
