using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>Profile tags: list, create, update (names unique), delete (refused while a profile has the tag).</summary>
internal sealed class TagHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(GetTagList), GetTagList, ("GetTagListRequest", ["page", "limit", "title"]));
        registry.Add(nameof(CreateTag), CreateTag, ("CreateTagRequest", ["title"]));
        registry.Add(nameof(UpdateTag), UpdateTag, ("UpdateTagRequest", ["id", "title"]));
        registry.Add(nameof(DeleteTag), DeleteTag, ("DeleteTagRequest", ["id"]));
    }

    /// <summary>tag-create: a new tag (113001 blank name, 113002 name taken). Answers its id.</summary>
    public SimulatorOutcome CreateTag(JToken? body)
    {
        if (TitleOf(body) is not { } title)
        {
            return Error(IxBrowserErrorCodes.TagCreateTagNameEmpty);
        }

        lock (Store.Gate)
        {
            if (Store.ProfileTags.Values.Any(t => t.Title == title))
            {
                return Error(IxBrowserErrorCodes.TagCreateTagNameAlreadyExists);
            }

            var tag = new SimulatedTag(SimulatorStore.NextId(Store.ProfileTags), title);
            Store.ProfileTags[tag.Id] = tag;
            return Success(new JValue(tag.Id));
        }
    }

    /// <summary>tag-update: renames a tag (114001 no id, 114002 blank name, 114003 unknown, 114004 name taken). Answers data 1.</summary>
    public SimulatorOutcome UpdateTag(JToken? body)
    {
        if (IdOf(body) is not { } id)
        {
            return Error(IxBrowserErrorCodes.TagUpdateTagIdEmpty);
        }

        if (TitleOf(body) is not { } title)
        {
            return Error(IxBrowserErrorCodes.TagUpdateTagNameEmpty);
        }

        lock (Store.Gate)
        {
            if (!Store.ProfileTags.TryGetValue(id, out var tag))
            {
                return Error(IxBrowserErrorCodes.TagUpdateTagNotFound);
            }

            if (Store.ProfileTags.Values.Any(t => t.Id != id && t.Title == title))
            {
                return Error(IxBrowserErrorCodes.TagUpdateTagNameAlreadyExists);
            }

            Store.ProfileTags[id] = tag with { Title = title };
        }

        return Success(new JValue(1));
    }

    /// <summary>tag-delete: removes a tag no profile has (115001 no id, 115002 unknown, 115003 in use). Answers data 0.</summary>
    public SimulatorOutcome DeleteTag(JToken? body)
    {
        if (IdOf(body) is not { } id)
        {
            return Error(IxBrowserErrorCodes.TagDeleteTagIdEmpty);
        }

        lock (Store.Gate)
        {
            if (!Store.ProfileTags.ContainsKey(id))
            {
                return Error(IxBrowserErrorCodes.TagDeleteTagNotFound);
            }

            if (Store.Profiles.Values.Any(p => p.TagIds.Contains(id)))
            {
                return Error(IxBrowserErrorCodes.TagInUse);
            }

            Store.ProfileTags.Remove(id);
        }

        return Success(new JValue(0));
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
