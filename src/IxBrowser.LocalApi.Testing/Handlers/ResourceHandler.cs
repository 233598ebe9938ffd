using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// What the handlers of every resource share: the store, the spec's checks, paging and filters.
/// A handler registers its operations explicitly (<see cref="Register"/>), each with the request
/// fields its behaviour reads, so that the spec gaining or losing one stops the simulator from
/// starting with a message that names the operation.
/// </summary>
internal abstract class ResourceHandler(SimulatorStore store, SpecRules spec)
{
    protected SimulatorStore Store { get; } = store;

    protected SpecRules Spec { get; } = spec;

    /// <summary>Adds this handler's operations to <paramref name="registry"/>.</summary>
    public abstract void Register(OperationRegistry registry);

    protected static SimulatorOutcome Error(int code) => SimulatorOutcome.Error(code);

    protected static SimulatorOutcome Success(JToken data) => SimulatorOutcome.Success(data);

    /// <summary>The body, if it passes the spec's checks of the operation's request schema; null otherwise (the caller answers 1000).</summary>
    protected JObject? Checked(string operationId, JToken? body)
    {
        var schema = Spec.Operations.First(o => o.Id == operationId).RequestSchema;
        return body is JObject request && Spec.FirstViolation(schema, body) is null ? request : null;
    }

    /// <summary>
    /// <c>{total, data}</c> for the request's page. page and limit default to the spec's PageNumber and
    /// PageSize defaults (1 and 10, as the docs say); a page past the end is empty, with the same total.
    /// Computed in 64 bits: a page number near int.MaxValue is past the end, not a wrapped-around start.
    /// </summary>
    protected SimulatorOutcome PageOutcome(IEnumerable<JObject> matching, JObject request)
    {
        var all = matching.ToList();
        var page = (long?)request["page"] ?? Spec.IntegerDefault("PageNumber");
        var limit = (long?)request["limit"] ?? Spec.IntegerDefault("PageSize");
        var skip = (page - 1) * limit;
        var items = skip >= all.Count ? Enumerable.Empty<JObject>() : all.Skip((int)skip).Take((int)System.Math.Min(limit, all.Count));
        return Success(new JObject
        {
            ["total"] = all.Count,
            ["data"] = new JArray(items),
        });
    }

    /// <summary>A filter that is absent, 0 or "" matches everything, as the docs' examples use them.</summary>
    protected static bool Matches(JToken? filter, long value) => filter is null || (long)filter == 0 || (long)filter == value;

    protected static bool Matches(JToken? filter, string value) => filter is null || ((string?)filter)?.Length is null or 0 || (string)filter! == value;

    /// <summary>Choice: a title filter matches names that contain it (the docs do not say exact or partial).</summary>
    protected static bool TitleMatches(JToken? filter, string title) => filter is null || ((string?)filter)?.Length is null or 0 || title.Contains((string)filter!);

    /// <summary>A positive integer id at <paramref name="field"/> of the body; null when it is missing or not one (the app's "id cannot be empty").</summary>
    protected static long? IdOf(JToken? body, string field = "id") =>
        (body as JObject)?[field] is { Type: JTokenType.Integer } id && (long)id >= 1 ? (long)id : null;

    /// <summary>The body's title, when it is a string that is not blank.</summary>
    protected static string? TitleOf(JToken? body) =>
        ((body as JObject)?["title"] as JValue)?.Value is string { } title && !string.IsNullOrWhiteSpace(title) ? title : null;

    protected static JObject TagItem(SimulatedTag tag) => new() { ["title"] = tag.Title, ["id"] = tag.Id };

    /// <summary>The tag of proxy-create and proxy-update: a string for one ("" for none) or an array of strings.</summary>
    protected static bool TryReadTags(JToken? tag, out List<string>? tags)
    {
        switch (tag)
        {
            case null:
                tags = null;
                return true;
            case { Type: JTokenType.String } single:
                tags = ((string)single!).Length == 0 ? new List<string>() : new List<string> { (string)single! };
                return true;
            case JArray many when many.All(t => t.Type == JTokenType.String):
                tags = many.Select(t => (string)t!).ToList();
                return true;
            default:
                tags = null;
                return false;
        }
    }
}
