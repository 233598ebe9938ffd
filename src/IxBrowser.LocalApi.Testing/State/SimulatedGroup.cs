namespace IxBrowser.LocalApi.Testing;

/// <summary>A profile group; group-list shows it.</summary>
/// <param name="Id">The group id.</param>
/// <param name="Title">The group's name.</param>
public sealed record SimulatedGroup(long Id, string Title);
