using System.Runtime.Serialization;

namespace IxBrowser.LocalApi;

// Hand-written in place of the spec's ProxyDataTxtFormat schema; members start at 1 (0 = not set).

/// <summary>Layout of a text extraction answer (proxy_data_txt_format).</summary>
public enum ProxyDataTxtFormat
{
    /// <summary><c>ip:port</c>, the default.</summary>
    [EnumMember(Value = "ip:port")]
    IpPort = 1,

    /// <summary><c>ip:port:username:password</c>.</summary>
    [EnumMember(Value = "ip:port:username:password")]
    IpPortUsernamePassword = 2,

    /// <summary><c>username:password@ip:port</c>.</summary>
    [EnumMember(Value = "username:password@ip:port")]
    UsernamePasswordAtIpPort = 3,

    /// <summary><c>ip:port@username:password</c>.</summary>
    [EnumMember(Value = "ip:port@username:password")]
    IpPortAtUsernamePassword = 4,

    /// <summary><c>username:password:ip:port</c>.</summary>
    [EnumMember(Value = "username:password:ip:port")]
    UsernamePasswordIpPort = 5,
}
