using System.Collections.Generic;

namespace IxBrowser.LocalApi.Validation;

/// <summary>
/// The rules of an id list and of an appendix value, written once: the compiled fast path
/// (<see cref="CompiledCheck"/>) asks whether they hold, the walk of <see cref="RequestValidator"/>
/// asks where they break to say so.
/// </summary>
internal static class ValueRules
{
    /// <summary>An empty string leaves the choice to the app; anything else must be a value of the appendix.</summary>
    public static bool InAppendix(IReadOnlyDictionary<string, string> values, string? value) => value is not null && (value.Length == 0 || values.ContainsKey(value));

    /// <summary>The first item of <paramref name="items"/> not in the appendix (an empty string counts as one for a list), or -1.</summary>
    public static int FirstNotInAppendix(IReadOnlyDictionary<string, string> values, IEnumerable<string> items)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (item is null || !values.ContainsKey(item))
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    /// <summary>The first id below 1, or -1. Ids start at 1.</summary>
    public static int FirstBadId(IList<long> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] < 1)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A required id list names at least one id.</summary>
    public static bool MissingIds(IList<long> ids, bool required) => required && ids.Count == 0;
}
