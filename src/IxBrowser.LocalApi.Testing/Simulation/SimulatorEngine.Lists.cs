using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>The list operations of groups, profile tags and traffic packages: pages of the stored state.</summary>
internal sealed partial class SimulatorEngine
{
    /// <summary>group-list: the groups, filtered by title.</summary>
    public Outcome GetGroupList(JToken? body)
    {
        if (Checked(nameof(GetGroupList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (_gate)
        {
            return PageOutcome(_groups.Values.OrderBy(g => g.Id).Where(g => TitleMatches(request["title"], g.Title)).Select(g => new JObject { ["title"] = g.Title, ["id"] = g.Id }), request);
        }
    }

    /// <summary>tag-list: the profile tags, filtered by title.</summary>
    public Outcome GetTagList(JToken? body)
    {
        if (Checked(nameof(GetTagList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (_gate)
        {
            return PageOutcome(_profileTags.Values.OrderBy(t => t.Id).Where(t => TitleMatches(request["title"], t.Title)).Select(TagItem), request);
        }
    }

    /// <summary>traffic-package-list: the purchased residential proxies with their traffic (decimal strings).</summary>
    public Outcome GetTrafficPackageList(JToken? body)
    {
        if (Checked(nameof(GetTrafficPackageList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (_gate)
        {
            return PageOutcome(
                _trafficPackages.Values.OrderBy(p => p.Id).Select(p => new JObject
                {
                    ["id"] = p.Id,
                    ["limit_flow"] = p.LimitFlow,
                    ["used_flow"] = p.UsedFlow,
                    ["supply_name"] = p.SupplyName,
                }),
                request);
        }
    }
}
