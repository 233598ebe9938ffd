namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>Requests used across tests, including the documentation's examples.</summary>
public static class Requests
{
    public const string MarkerPassword = "pw-MARKER-7f3a9c";
    public const string MarkerUser = "user-MARKER-41bd";
    public const string MarkerUrl = "https://provider.example/extract?apikey=KEY-MARKER-93e1";

    /// <summary>The docs' example, except proxy_url, which the docs leave empty although it is required.</summary>
    public static UpdateProfileProxyForApiExtractionRequest Extraction(string proxyUrl = MarkerUrl) => new()
    {
        ProfileId = 161,
        ProxyInfo = new ApiExtractionProxyInfo
        {
            ProxyCheckLine = ProxyCheckLine.GlobalLine,
            ProxyType = ProxyType.Socks5,
            ProxyService = "general",
            ProxyDataFormatType = ProxyDataFormatType.Txt,
            ProxyDataTxtFormat = ProxyDataTxtFormat.IpPort,
            ProxyDataJsonFormat = new ProxyDataJsonFormat { Ip = "ip", Port = "port", Username = "username", Password = "password" },
            ProxyExtractionMethod = ProxyExtractionMethod.Invalid,
            ProxyUrl = proxyUrl,
        },
    };

    /// <summary>The docs' example of proxy-update, field for field.</summary>
    public static UpdateProxyRequest ProxyUpdateDocsExample() => new()
    {
        Id = 24330,
        ProxyType = ProxyType.Socks5,
        ProxyIp = "127.0.0.2",
        ProxyPort = "57425",
        ProxyUser = "",
        ProxyPassword = "",
        Tags = new ProxyTagList(),
        Note = "",
    };
}
