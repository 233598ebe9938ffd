using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>What every list operation shares: the spec's checks, then one page of the matching items.</summary>
internal sealed partial class SimulatorEngine
{
    /// <summary>The body, if it passes the spec's checks of the operation's request schema; null otherwise (the caller answers 1000).</summary>
    private JObject? Checked(string operationId, JToken? body)
    {
        var schema = _spec.Operations.First(o => o.Id == operationId).RequestSchema;
        return body is JObject request && _spec.FirstViolation(schema, body) is null ? request : null;
    }

    /// <summary>
    /// <c>{total, data}</c> for the request's page. page and limit default to the spec's PageNumber and
    /// PageSize defaults (1 and 10, as the docs say); a page past the end is empty, with the same total.
    /// </summary>
    private JObject Page(IEnumerable<JObject> matching, JObject request)
    {
        var all = matching.ToList();
        var page = (int?)request["page"] ?? _spec.IntegerDefault("PageNumber");
        var limit = (int?)request["limit"] ?? _spec.IntegerDefault("PageSize");
        return new JObject
        {
            ["total"] = all.Count,
            ["data"] = new JArray(all.Skip((page - 1) * limit).Take(limit)),
        };
    }

    private Outcome PageOutcome(IEnumerable<JObject> matching, JObject request) => new(0, "success", Page(matching, request));

    /// <summary>A filter that is absent, 0 or "" matches everything, as the docs' examples use them.</summary>
    private static bool Matches(JToken? filter, long value) => filter is null || (long)filter == 0 || (long)filter == value;

    private static bool Matches(JToken? filter, string value) => filter is null || ((string?)filter)?.Length is null or 0 || (string)filter! == value;

    /// <summary>Choice: a title filter matches names that contain it (the docs do not say exact or partial).</summary>
    private static bool TitleMatches(JToken? filter, string title) => filter is null || ((string?)filter)?.Length is null or 0 || title.Contains((string)filter!);

    private static JObject TagItem(SimulatedTag tag) => new() { ["title"] = tag.Title, ["id"] = tag.Id };
}
