namespace IxBrowser.LocalApi.Testing;

/// <summary>A browser profile as the simulator stores it.</summary>
public sealed record SimulatedProfile
{
    /// <summary>The profile id.</summary>
    public required long Id { get; init; }

    /// <summary>proxy_mode: 1 purchased residential, 2 custom, 3 purchased static, 4 API extraction. New profiles use 2.</summary>
    public int ProxyMode { get; init; } = 2;

    /// <summary>The id of the custom proxy the profile uses, if any; such a proxy cannot be deleted (108002).</summary>
    public long? ProxyId { get; init; }

    /// <summary>The extraction settings, once an API-extraction update succeeded.</summary>
    public SimulatedExtractionSettings? ApiExtraction { get; init; }
}
