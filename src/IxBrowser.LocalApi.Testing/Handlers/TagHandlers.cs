using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>Profile tags: tag-list.</summary>
internal sealed class TagHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(GetTagList), GetTagList, ("GetTagListRequest", ["page", "limit", "title"]));
    }

    /// <summary>tag-list: the profile tags, filtered by title.</summary>
    public SimulatorOutcome GetTagList(JToken? body)
    {
        if (Checked(nameof(GetTagList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            return PageOutcome(Store.ProfileTags.Values.OrderBy(t => t.Id).Where(t => TitleMatches(request["title"], t.Title)).Select(TagItem), request);
        }
    }
}
