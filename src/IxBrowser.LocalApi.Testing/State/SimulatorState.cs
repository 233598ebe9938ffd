using System.Collections.Generic;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Everything a simulator holds, for seeding it and saving it (for example as JSON with the
/// standalone simulator's --state and --dump-state). Lists left empty stay empty when imported.
/// </summary>
public sealed record SimulatorState
{
    /// <summary>The browser profiles.</summary>
    public IReadOnlyList<SimulatedProfile> Profiles { get; init; } = new List<SimulatedProfile>();

    /// <summary>Custom (Kind 1) and purchased (Kind 2) proxies.</summary>
    public IReadOnlyList<SimulatedProxy> Proxies { get; init; } = new List<SimulatedProxy>();

    /// <summary>Profile groups.</summary>
    public IReadOnlyList<SimulatedGroup> Groups { get; init; } = new List<SimulatedGroup>();

    /// <summary>Profile tags.</summary>
    public IReadOnlyList<SimulatedTag> ProfileTags { get; init; } = new List<SimulatedTag>();

    /// <summary>Proxy tags.</summary>
    public IReadOnlyList<SimulatedTag> ProxyTags { get; init; } = new List<SimulatedTag>();

    /// <summary>Traffic packages (purchased residential proxies).</summary>
    public IReadOnlyList<SimulatedTrafficPackage> TrafficPackages { get; init; } = new List<SimulatedTrafficPackage>();

    /// <summary>
    /// What would make the simulator refuse this state: a null list or record, an id below 1, an id
    /// twice in one list, an id that leaves no room for creates, a null text. Each names its record,
    /// for example <c>Proxies[3] has id 24330, as Proxies[0] does</c>.
    /// </summary>
    /// <returns>The problems; empty when the state is usable.</returns>
    public IReadOnlyList<string> FindProblems() => SimulatorStateValidator.Problems(this);
}
