namespace IxBrowser.LocalApi;

// Hand-written half of the generated UpdateProfileProxyForApiExtractionRequest.
public partial class UpdateProfileProxyForApiExtractionRequest
{
    /// <summary>The request for logs; the extraction URL is masked.</summary>
    /// <returns>For example <c>UpdateProfileProxyForApiExtractionRequest { ProfileId = 161, ProxyInfo = ... }</c>.</returns>
    public override string ToString() => $"UpdateProfileProxyForApiExtractionRequest {{ ProfileId = {ProfileId}, ProxyInfo = {ProxyInfo?.ToString() ?? "null"} }}";
}
