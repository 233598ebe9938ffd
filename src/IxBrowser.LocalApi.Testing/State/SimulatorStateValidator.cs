using System;
using System.Collections.Generic;
using System.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Checks a state before the simulator takes it: no null list or record, no id below 1, no id twice
/// in one list, and room above the highest id for creates. Each problem names its record, for
/// example <c>Proxies[3] (id 24330)</c>.
/// </summary>
internal static class SimulatorStateValidator
{
    // A create gives the highest id plus one, so the highest id must leave room for it.
    private const long HighestUsableId = long.MaxValue - 1_000_000;

    public static IReadOnlyList<string> Problems(SimulatorState? state)
    {
        var problems = new List<string>();
        if (state is null)
        {
            problems.Add("The state is null: give an object such as {\"Proxies\": [], \"Profiles\": []}.");
            return problems;
        }

        Check(nameof(SimulatorState.Profiles), state.Profiles, p => p.Id, problems);
        Check(nameof(SimulatorState.Proxies), state.Proxies, p => p.Id, problems);
        Check(nameof(SimulatorState.Groups), state.Groups, g => g.Id, problems);
        Check(nameof(SimulatorState.ProfileTags), state.ProfileTags, t => t.Id, problems);
        Check(nameof(SimulatorState.ProxyTags), state.ProxyTags, t => t.Id, problems);
        Check(nameof(SimulatorState.TrafficPackages), state.TrafficPackages, p => p.Id, problems);
        CheckTexts(state, problems);
        return problems;
    }

    public static void ThrowIfInvalid(SimulatorState? state)
    {
        var problems = Problems(state);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The simulator state is not valid; nothing was imported:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)), nameof(state));
        }
    }

    private static void Check<T>(string list, IReadOnlyList<T>? items, Func<T, long> id, List<string> problems)
        where T : class
    {
        if (items is null)
        {
            problems.Add($"{list} is null: leave it out, or give an empty list [].");
            return;
        }

        var seen = new Dictionary<long, int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                problems.Add($"{list}[{i}] is null: remove it, or give the record.");
                continue;
            }

            var value = id(item);
            if (value < 1)
            {
                problems.Add($"{list}[{i}] has id {value}: ids are at least 1.");
            }
            else if (value > HighestUsableId)
            {
                problems.Add($"{list}[{i}] has id {value}, which leaves no room for the ids that creates give (the highest plus one): use ids up to {HighestUsableId}.");
            }

            if (seen.TryGetValue(value, out var first))
            {
                problems.Add($"{list}[{i}] has id {value}, as {list}[{first}] does: every id of a list must be unique.");
            }
            else
            {
                seen[value] = i;
            }
        }
    }

    // Text fields a handler reads as non-null strings (a JSON null in a seed would crash an answer).
    private static void CheckTexts(SimulatorState state, List<string> problems)
    {
        Each(state.Proxies, nameof(SimulatorState.Proxies), p => Texts(("ProxyType", p.ProxyType), ("ProxyIp", p.ProxyIp), ("ProxyPort", p.ProxyPort), ("ProxyUser", p.ProxyUser), ("ProxyPassword", p.ProxyPassword), ("Note", p.Note)), p => p.Tags is null ? "Tags" : p.Tags.Any(t => t is null) ? "Tags (an element)" : null, problems);
        Each(state.Profiles, nameof(SimulatorState.Profiles), p => Texts(("Name", p.Name)), p => p.TagIds is null ? "TagIds" : null, problems);
        Each(state.Groups, nameof(SimulatorState.Groups), g => Texts(("Title", g.Title)), _ => null, problems);
        Each(state.ProfileTags, nameof(SimulatorState.ProfileTags), t => Texts(("Title", t.Title)), _ => null, problems);
        Each(state.ProxyTags, nameof(SimulatorState.ProxyTags), t => Texts(("Title", t.Title)), _ => null, problems);
        Each(state.TrafficPackages, nameof(SimulatorState.TrafficPackages), p => Texts(("LimitFlow", p.LimitFlow), ("UsedFlow", p.UsedFlow), ("SupplyName", p.SupplyName)), _ => null, problems);
    }

    private static (string Name, string? Value)[] Texts(params (string Name, string? Value)[] texts) => texts;

    private static void Each<T>(IReadOnlyList<T>? items, string list, Func<T, (string Name, string? Value)[]> texts, Func<T, string?> nullList, List<string> problems)
        where T : class
    {
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                continue;
            }

            foreach (var (name, value) in texts(item))
            {
                if (value is null)
                {
                    problems.Add($"{list}[{i}].{name} is null: give a string (\"\" for none).");
                }
            }

            if (nullList(item) is { } bad)
            {
                problems.Add($"{list}[{i}].{bad} is null: give a list ([] for none).");
            }
        }
    }
}
