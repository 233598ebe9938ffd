using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Proxy tags. A proxy carries its tags by name (as proxy-create and proxy-update send them); the
/// tag table gives each name its id, so a rename shows on every proxy that carries the tag.
/// </summary>
internal sealed partial class SimulatorEngine
{
    /// <summary>proxy-tag-list: the proxy tags, filtered by title.</summary>
    public Outcome GetProxyTagList(JToken? body)
    {
        if (Checked(nameof(GetProxyTagList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (_gate)
        {
            return PageOutcome(_proxyTags.Values.OrderBy(t => t.Id).Where(t => TitleMatches(request["title"], t.Title)).Select(TagItem), request);
        }
    }

    /// <summary>proxy-tag-create: a new tag with a fresh id (119001 empty name, 119002 name taken). Answers the id.</summary>
    public Outcome CreateProxyTag(JToken? body)
    {
        var title = ((body as JObject)?["title"] as JValue)?.Value as string;
        if (string.IsNullOrWhiteSpace(title))
        {
            return Error(IxBrowserErrorCodes.ProxyTagCreateTagNameEmpty);
        }

        lock (_gate)
        {
            if (_proxyTags.Values.Any(t => t.Title == title))
            {
                return Error(IxBrowserErrorCodes.ProxyTagCreateTagNameAlreadyExists);
            }

            return new Outcome(0, "success", new JValue(AddProxyTag(title!).Id));
        }
    }

    /// <summary>proxy-tag-update: renames a tag, on every proxy that carries it too. Answers data 0.</summary>
    public Outcome UpdateProxyTag(JToken? body)
    {
        if (body is not JObject request || request["id"] is not { Type: JTokenType.Integer } idToken || (long)idToken < 1)
        {
            return Error(IxBrowserErrorCodes.ProxyTagUpdateTagIdEmpty);
        }

        var title = (request["title"] as JValue)?.Value as string;
        if (string.IsNullOrWhiteSpace(title))
        {
            return Error(IxBrowserErrorCodes.ProxyTagUpdateTagNameEmpty);
        }

        lock (_gate)
        {
            var id = (long)idToken;
            if (!_proxyTags.TryGetValue(id, out var tag))
            {
                return Error(IxBrowserErrorCodes.ProxyTagUpdateTagNotFound);
            }

            if (_proxyTags.Values.Any(t => t.Id != id && t.Title == title))
            {
                return Error(IxBrowserErrorCodes.ProxyTagUpdateTagNameAlreadyExists);
            }

            _proxyTags[id] = tag with { Title = title! };
            foreach (var proxy in _proxies.Values.Where(p => p.Tags.Contains(tag.Title)).ToList())
            {
                _proxies[proxy.Id] = proxy with { Tags = proxy.Tags.Select(t => t == tag.Title ? title! : t).ToList() };
            }
        }

        return new Outcome(0, "success", new JValue(0));
    }

    /// <summary>proxy-tag-delete: removes a tag no proxy carries (121003 otherwise). Answers data 0.</summary>
    public Outcome DeleteProxyTag(JToken? body)
    {
        if (body is not JObject request || request["id"] is not { Type: JTokenType.Integer } idToken || (long)idToken < 1)
        {
            return Error(IxBrowserErrorCodes.ProxyTagDeleteTagIdEmpty);
        }

        lock (_gate)
        {
            var id = (long)idToken;
            if (!_proxyTags.TryGetValue(id, out var tag))
            {
                return Error(IxBrowserErrorCodes.ProxyTagDeleteTagNotFound);
            }

            if (_proxies.Values.Any(p => p.Tags.Contains(tag.Title)))
            {
                return Error(IxBrowserErrorCodes.ProxyTagInUse);
            }

            _proxyTags.Remove(id);
        }

        return new Outcome(0, "success", new JValue(0));
    }

    /// <summary>Choice: tag names a proxy is created or updated with that are not proxy tags yet become new proxy tags. Call under the lock.</summary>
    private void EnsureProxyTags(IEnumerable<string> names)
    {
        foreach (var name in names.Where(n => n.Length > 0 && _proxyTags.Values.All(t => t.Title != n)).Distinct().ToList())
        {
            AddProxyTag(name);
        }
    }

    private SimulatedTag AddProxyTag(string title)
    {
        var tag = new SimulatedTag(_proxyTags.Count == 0 ? 1 : _proxyTags.Keys.Max() + 1, title);
        _proxyTags[tag.Id] = tag;
        return tag;
    }
}
