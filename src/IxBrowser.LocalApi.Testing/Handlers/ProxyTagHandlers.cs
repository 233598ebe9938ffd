using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Proxy tags. A proxy carries its tags by name (as proxy-create and proxy-update send them); the
/// tag table gives each name its id, so a rename shows on every proxy that carries the tag.
/// </summary>
internal sealed class ProxyTagHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(GetProxyTagList), GetProxyTagList, ("GetProxyTagListRequest", ["page", "limit", "title"]));
        registry.Add(nameof(CreateProxyTag), CreateProxyTag, ("CreateProxyTagRequest", ["title"]));
        registry.Add(nameof(UpdateProxyTag), UpdateProxyTag, ("UpdateProxyTagRequest", ["id", "title"]));
        registry.Add(nameof(DeleteProxyTag), DeleteProxyTag, ("DeleteProxyTagRequest", ["id"]));
    }

    /// <summary>proxy-tag-list: the proxy tags, filtered by title.</summary>
    public SimulatorOutcome GetProxyTagList(JToken? body)
    {
        if (Checked(nameof(GetProxyTagList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            return PageOutcome(Store.ProxyTags.Values.OrderBy(t => t.Id).Where(t => TitleMatches(request["title"], t.Title)).Select(TagItem), request);
        }
    }

    /// <summary>proxy-tag-create: a new tag with a fresh id (119001 empty name, 119002 name taken). Answers the id.</summary>
    public SimulatorOutcome CreateProxyTag(JToken? body)
    {
        if (TitleOf(body) is not { } title)
        {
            return Error(IxBrowserErrorCodes.ProxyTagCreateTagNameEmpty);
        }

        lock (Store.Gate)
        {
            if (Store.ProxyTags.Values.Any(t => t.Title == title))
            {
                return Error(IxBrowserErrorCodes.ProxyTagCreateTagNameAlreadyExists);
            }

            return Success(new JValue(Store.AddProxyTag(title).Id));
        }
    }

    /// <summary>proxy-tag-update: renames a tag, on every proxy that carries it too. Answers data 0.</summary>
    public SimulatorOutcome UpdateProxyTag(JToken? body)
    {
        if (IdOf(body) is not { } id)
        {
            return Error(IxBrowserErrorCodes.ProxyTagUpdateTagIdEmpty);
        }

        if (TitleOf(body) is not { } title)
        {
            return Error(IxBrowserErrorCodes.ProxyTagUpdateTagNameEmpty);
        }

        lock (Store.Gate)
        {
            if (!Store.ProxyTags.TryGetValue(id, out var tag))
            {
                return Error(IxBrowserErrorCodes.ProxyTagUpdateTagNotFound);
            }

            if (Store.ProxyTags.Values.Any(t => t.Id != id && t.Title == title))
            {
                return Error(IxBrowserErrorCodes.ProxyTagUpdateTagNameAlreadyExists);
            }

            Store.ProxyTags[id] = tag with { Title = title };
            foreach (var proxy in Store.Proxies.Values.Where(p => p.Tags.Contains(tag.Title)).ToList())
            {
                Store.Proxies[proxy.Id] = proxy with { Tags = proxy.Tags.Select(t => t == tag.Title ? title : t).ToList() };
            }
        }

        return Success(new JValue(0));
    }

    /// <summary>proxy-tag-delete: removes a tag no proxy carries (121003 otherwise). Answers data 0.</summary>
    public SimulatorOutcome DeleteProxyTag(JToken? body)
    {
        if (IdOf(body) is not { } id)
        {
            return Error(IxBrowserErrorCodes.ProxyTagDeleteTagIdEmpty);
        }

        lock (Store.Gate)
        {
            if (!Store.ProxyTags.TryGetValue(id, out var tag))
            {
                return Error(IxBrowserErrorCodes.ProxyTagDeleteTagNotFound);
            }

            if (Store.Proxies.Values.Any(p => p.Tags.Contains(tag.Title)))
            {
                return Error(IxBrowserErrorCodes.ProxyTagInUse);
            }

            Store.ProxyTags.Remove(id);
        }

        return Success(new JValue(0));
    }
}
