using System.Runtime.Serialization;

namespace IxBrowser.LocalApi;

// Hand-written in place of the spec's ProxyExtractionMethod schema; members start at 1 (0 = not set).

/// <summary>When ixBrowser extracts a new proxy from the link (proxy_extraction_method).</summary>
public enum ProxyExtractionMethod
{
    /// <summary>Extract a new proxy when the current one stops working (<c>invalid</c>).</summary>
    [EnumMember(Value = "invalid")]
    Invalid = 1,

    /// <summary>Extract a new proxy every time the profile opens (<c>every_type</c>).</summary>
    [EnumMember(Value = "every_type")]
    EveryType = 2,
}
