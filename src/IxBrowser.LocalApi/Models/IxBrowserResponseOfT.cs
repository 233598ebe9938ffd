using Newtonsoft.Json;

namespace IxBrowser.LocalApi;

/// <summary>
/// The envelope of a successful answer with its typed <see cref="Data"/>: what the operation's
/// x-success-data in the spec declares (for example <c>1</c>, <c>"success"</c>, a new id or a page).
/// </summary>
/// <typeparam name="TData">The type of the success data.</typeparam>
[JsonConverter(typeof(Serialization.IxBrowserResponseJsonConverter))]
public class IxBrowserResponse<TData> : IxBrowserResponse
{
    /// <summary>The operation's result.</summary>
    [JsonProperty("data")]
    public TData Data { get; set; } = default!;

    /// <inheritdoc />
    public override string ToString() => "{ error: " + Status + ", data: " + Internal.ModelText.Value(Data) + " }";

    private protected override bool NeedsData => typeof(TData) != typeof(IxBrowserNoData);

    internal override void SetData(object? value) => Data = (TData)value!;
}
