namespace IxBrowser.LocalApi.Testing;

/// <summary>A purchased residential proxy (traffic package); traffic-package-list shows it.</summary>
/// <param name="Id">The package id.</param>
/// <param name="LimitFlow">Traffic bought in megabytes, as the wire's decimal string (<c>"1024.00"</c>).</param>
/// <param name="UsedFlow">Traffic used in megabytes, as the wire's decimal string.</param>
/// <param name="SupplyName">The provider's name.</param>
public sealed record SimulatedTrafficPackage(long Id, string LimitFlow, string UsedFlow, string SupplyName);
