namespace IxBrowser.LocalApi;

// Hand-written half of the generated ApiExtractionProxyInfo.
public partial class ApiExtractionProxyInfo
{
    /// <summary>The settings for logs; the extraction URL (it carries the provider's API key) is masked.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{{ ProxyMode = {ProxyMode}, ProxyCheckLine = {ProxyCheckLine}, ProxyType = {ProxyType}, ProxyService = \"{ProxyService}\", " +
        $"ProxyDataFormatType = {ProxyDataFormatType}, ProxyDataTxtFormat = {ProxyDataTxtFormat?.ToString() ?? "null"}, " +
        $"ProxyDataJsonFormat = {ProxyDataJsonFormat?.ToString() ?? "null"}, ProxyExtractionMethod = {ProxyExtractionMethod}, ProxyUrl = {Redact.Secret(ProxyUrl)} }}";
}
