using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>Profile groups: group-list.</summary>
internal sealed class GroupHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(GetGroupList), GetGroupList, ("GetGroupListRequest", ["page", "limit", "title"]));
    }

    /// <summary>group-list: the groups, filtered by title.</summary>
    public SimulatorOutcome GetGroupList(JToken? body)
    {
        if (Checked(nameof(GetGroupList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            return PageOutcome(Store.Groups.Values.OrderBy(g => g.Id).Where(g => TitleMatches(request["title"], g.Title)).Select(g => new JObject { ["title"] = g.Title, ["id"] = g.Id }), request);
        }
    }
}
