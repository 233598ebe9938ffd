namespace IxBrowser.LocalApi;

// Hand-written half of the generated IxBrowserResponse (the envelope).
public partial class IxBrowserResponse
{
    /// <inheritdoc />
    public override string ToString() => $"{{ error: {Status}, data: {Data?.ToString() ?? "absent"} }}";
}
