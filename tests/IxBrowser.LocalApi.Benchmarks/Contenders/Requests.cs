namespace IxBrowser.LocalApi.Benchmarks.Contenders;

/// <summary>The docs' example requests, in each contender's own model.</summary>
public static class Requests
{
    public const string ExtractionUrl = "http://provider.example/extract?key=bench";

    public static UpdateProxyRequest Ours() => new() { Id = 24330, ProxyType = ProxyType.Socks5, ProxyIp = "127.0.0.2", ProxyPort = "57425", Note = "bench" };

    public static UpdateProfileProxyForApiExtractionRequest OursExtraction() => new()
    {
        ProfileId = 161,
        ProxyInfo = new ApiExtractionProxyInfo
        {
            ProxyType = ProxyType.Socks5,
            ProxyDataFormatType = ProxyDataFormatType.Txt,
            ProxyExtractionMethod = ProxyExtractionMethod.Invalid,
            ProxyUrl = ExtractionUrl,
        },
    };

    public static NewtonsoftHandWritten.ProxyUpdateBody Newtonsoft() => new() { Id = 24330, ProxyType = "socks5", ProxyIp = "127.0.0.2", ProxyPort = "57425", Note = "bench" };

    public static NewtonsoftHandWritten.ExtractionBody NewtonsoftExtraction() => new() { ProfileId = 161, ProxyInfo = { ProxyUrl = ExtractionUrl } };

    public static StjProxyUpdateBody Stj() => new() { Id = 24330, ProxyType = "socks5", ProxyIp = "127.0.0.2", ProxyPort = "57425", Note = "bench" };

    public static StjExtractionBody StjExtraction() => new() { ProfileId = 161, ProxyInfo = { ProxyUrl = ExtractionUrl } };
}
