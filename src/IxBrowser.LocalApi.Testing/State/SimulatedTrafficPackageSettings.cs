namespace IxBrowser.LocalApi.Testing;

/// <summary>Where a profile that uses a traffic package (mode 1) exits: wire values of page 15.</summary>
/// <param name="Country">country, for example <c>"us"</c>; empty if not sent.</param>
/// <param name="City">city; empty if not sent.</param>
/// <param name="Gateway">gateway, for example <c>"Default"</c>.</param>
public sealed record SimulatedTrafficPackageSettings(string Country, string City, string Gateway);
