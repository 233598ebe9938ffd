namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>One disagreement between the spec and the built library.</summary>
/// <param name="Location">Where in the spec, as a JSON Pointer fragment, e.g. #/components/schemas/UpdateProxyRequest/properties/proxy_port.</param>
/// <param name="Member">The C# member concerned, e.g. UpdateProxyRequest.ProxyPort.</param>
/// <param name="Problem">What disagrees.</param>
public sealed record ContractDrift(string Location, string Member, string Problem)
{
    public override string ToString() => $"{Location} <-> {Member}: {Problem}";
}
