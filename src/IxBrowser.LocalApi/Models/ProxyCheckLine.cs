using System.Runtime.Serialization;

namespace IxBrowser.LocalApi;

// Hand-written in place of the spec's ProxyCheckLine schema; members start at 1 (0 = not set).

/// <summary>Network line ixBrowser uses to test a proxy (proxy_check_line).</summary>
public enum ProxyCheckLine
{
    /// <summary>Global line (<c>global_line</c>), the default.</summary>
    [EnumMember(Value = "global_line")]
    GlobalLine = 1,

    /// <summary>Chinese line (<c>cn_line</c>).</summary>
    [EnumMember(Value = "cn_line")]
    CnLine = 2,
}
