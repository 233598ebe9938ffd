using System.Collections.Generic;
using System.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>A browser profile as the simulator stores it; profile-list shows it.</summary>
public sealed record SimulatedProfile
{
    /// <summary>The profile id.</summary>
    public required long Id { get; init; }

    /// <summary>The profile's name.</summary>
    public string Name { get; init; } = "test";

    /// <summary>The profile's note.</summary>
    public string Note { get; init; } = string.Empty;

    /// <summary>The colour of the profile's icon.</summary>
    public string Color { get; init; } = "#CC9966";

    /// <summary>The platform URL the profile opens (site_url).</summary>
    public string SiteUrl { get; init; } = "chrome://newtab";

    /// <summary>Whether cookies are backed up (preference cookies_backup, on by default): close then keeps the browser's cookies.</summary>
    public bool CookiesBackup { get; init; } = true;

    /// <summary>How many times the profile's fingerprint was drawn again (profile-random-fingerprint-configuration).</summary>
    public int FingerprintDraws { get; init; }

    /// <summary>The id of the profile's group; 1 is the seeded group "Default".</summary>
    public long GroupId { get; init; } = 1;

    /// <summary>The ids of the profile's tags.</summary>
    public IReadOnlyList<long> TagIds { get; init; } = new List<long>();

    /// <summary>proxy_mode: 1 purchased residential (traffic package), 2 custom, 3 purchased proxy, 4 API extraction. New profiles use 2.</summary>
    public int ProxyMode { get; init; } = 2;

    /// <summary>
    /// The proxy the profile uses: a traffic package (mode 1), a purchased proxy (mode 3), or a custom
    /// proxy of the proxy list (mode 2). Such a proxy cannot be deleted (108002).
    /// </summary>
    public long? ProxyId { get; init; }

    /// <summary>The custom proxy settings given by address (mode 2), when they match no proxy of the list.</summary>
    public SimulatedCustomProxySettings? CustomProxy { get; init; }

    /// <summary>The location settings of a traffic package (mode 1).</summary>
    public SimulatedTrafficPackageSettings? TrafficPackage { get; init; }

    /// <summary>The extraction settings, once an API-extraction update succeeded.</summary>
    public SimulatedExtractionSettings? ApiExtraction { get; init; }

    /// <summary>Value equality, including the tag ids in order.</summary>
    /// <param name="other">The other profile.</param>
    /// <returns>Whether both hold the same values.</returns>
    public bool Equals(SimulatedProfile? other) =>
        other is not null && Id == other.Id && Name == other.Name && Note == other.Note && Color == other.Color && SiteUrl == other.SiteUrl
        && CookiesBackup == other.CookiesBackup && FingerprintDraws == other.FingerprintDraws && GroupId == other.GroupId && TagIds.SequenceEqual(other.TagIds)
        && ProxyMode == other.ProxyMode && ProxyId == other.ProxyId && Equals(CustomProxy, other.CustomProxy)
        && Equals(TrafficPackage, other.TrafficPackage) && Equals(ApiExtraction, other.ApiExtraction);

    /// <inheritdoc />
    public override int GetHashCode() => (Id, ProxyMode, ProxyId).GetHashCode();
}
