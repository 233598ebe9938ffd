using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Profile groups: list, create, update, delete. Choices: group names are unique on create (105002),
/// as the appendix has that code, while update has no such code and allows any name; the sort order
/// is accepted and not simulated (group-list shows none); a deleted group's profiles move to group 1
/// (Default) when it exists.
/// </summary>
internal sealed class GroupHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(GetGroupList), GetGroupList, ("GetGroupListRequest", ["page", "limit", "title"]));
        registry.Add(nameof(CreateGroup), CreateGroup, ("CreateGroupRequest", ["title", "sort"]));
        registry.Add(nameof(UpdateGroup), UpdateGroup, ("UpdateGroupRequest", ["id", "title", "sort"]));
        registry.Add(nameof(DeleteGroup), DeleteGroup, ("DeleteGroupRequest", ["id"]));
    }

    /// <summary>group-create: a new group (105001 blank name, 105002 name taken, 105003 no sort). Answers its id.</summary>
    public SimulatorOutcome CreateGroup(JToken? body)
    {
        if (TitleOf(body) is not { } title)
        {
            return Error(IxBrowserErrorCodes.GroupCreateGroupNameEmpty);
        }

        if ((body as JObject)?["sort"] is not { Type: JTokenType.Integer })
        {
            return Error(IxBrowserErrorCodes.GroupCreateGroupSortingEmpty);
        }

        lock (Store.Gate)
        {
            if (Store.Groups.Values.Any(g => g.Title == title))
            {
                return Error(IxBrowserErrorCodes.GroupCreateGroupNameAlreadyExists);
            }

            var group = new SimulatedGroup(SimulatorStore.NextId(Store.Groups), title);
            Store.Groups[group.Id] = group;
            return Success(new JValue(group.Id));
        }
    }

    /// <summary>group-update: renames a group (106001 no id, 106002 blank name, 106003 unknown). Answers data 1.</summary>
    public SimulatorOutcome UpdateGroup(JToken? body)
    {
        if (IdOf(body) is not { } id)
        {
            return Error(IxBrowserErrorCodes.GroupUpdateGroupIdEmpty);
        }

        if (TitleOf(body) is not { } title)
        {
            return Error(IxBrowserErrorCodes.GroupUpdateGroupNameEmpty);
        }

        lock (Store.Gate)
        {
            if (!Store.Groups.TryGetValue(id, out var group))
            {
                return Error(IxBrowserErrorCodes.GroupUpdateGroupNotFound);
            }

            Store.Groups[id] = group with { Title = title };
        }

        return Success(new JValue(1));
    }

    /// <summary>group-delete: removes a group (107001 no id, 107002 unknown); its profiles move to group 1. Answers data 0.</summary>
    public SimulatorOutcome DeleteGroup(JToken? body)
    {
        if (IdOf(body) is not { } id)
        {
            return Error(IxBrowserErrorCodes.GroupDeleteGroupIdEmpty);
        }

        lock (Store.Gate)
        {
            if (!Store.Groups.Remove(id))
            {
                return Error(IxBrowserErrorCodes.GroupDeleteGroupNotFound);
            }

            var fallback = Store.Groups.ContainsKey(1) ? 1L : Store.Groups.Keys.DefaultIfEmpty(0).Min();
            foreach (var profile in Store.Profiles.Values.Where(p => p.GroupId == id).ToList())
            {
                Store.Profiles[profile.Id] = profile with { GroupId = fallback };
            }
        }

        return Success(new JValue(0));
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
