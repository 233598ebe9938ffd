using System.Runtime.Serialization;

namespace IxBrowser.LocalApi;

// Hand-written in place of the spec's ProxyType schema (excluded in nswag.json) so that each
// member carries its documented wire value. Members start at 1: default(ProxyType) is "not set"
// and the client rejects it before sending instead of sending an arbitrary protocol.

/// <summary>Protocol of a proxy (wire values of the enum appendix's proxy_type).</summary>
public enum ProxyType
{
    /// <summary>HTTP proxy (<c>http</c>).</summary>
    [EnumMember(Value = "http")]
    Http = 1,

    /// <summary>HTTPS proxy (<c>https</c>).</summary>
    [EnumMember(Value = "https")]
    Https = 2,

    /// <summary>SOCKS5 proxy (<c>socks5</c>).</summary>
    [EnumMember(Value = "socks5")]
    Socks5 = 3,

    /// <summary>SSH tunnel (<c>ssh</c>).</summary>
    [EnumMember(Value = "ssh")]
    Ssh = 4,

    /// <summary>No proxy: direct connection (<c>direct</c>). The proxy-update page does not list it.</summary>
    [EnumMember(Value = "direct")]
    Direct = 5,
}
