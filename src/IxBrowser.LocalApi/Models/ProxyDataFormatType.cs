using System.Runtime.Serialization;

namespace IxBrowser.LocalApi;

// Hand-written in place of the spec's ProxyDataFormatType schema; members start at 1 (0 = not set).

/// <summary>Format of an extraction link's answer (proxy_data_format_type).</summary>
public enum ProxyDataFormatType
{
    /// <summary>Plain text laid out as <see cref="ProxyDataTxtFormat"/> says (<c>txt</c>).</summary>
    [EnumMember(Value = "txt")]
    Txt = 1,

    /// <summary>JSON whose fields <see cref="ProxyDataJsonFormat"/> names (<c>json</c>).</summary>
    [EnumMember(Value = "json")]
    Json = 2,
}
