using Newtonsoft.Json;

namespace IxBrowser.LocalApi;

/// <summary>
/// The envelope of a successful answer with its typed <see cref="Data"/>: what the operation's
/// x-success-data in the spec declares (for example <c>1</c>, <c>"success"</c>, a new id or a page).
/// </summary>
/// <typeparam name="TData">The type of the success data.</typeparam>
[JsonConverter(typeof(Serialization.IxBrowserResponseJsonConverter))]
public class IxBrowserResponse<TData> : IxBrowserResponse, Serialization.IEnvelopeData
{
    /// <summary>The operation's result.</summary>
    [JsonProperty("data")]
    public TData Data { get; set; } = default!;

    /// <summary>What the answer's data was when it did not fit <typeparamref name="TData"/> (for example an empty array on failure); null when it fit.</summary>
    [JsonIgnore]
    internal string? DataMismatch { get; set; }

    /// <summary>Whether the answer had a non-null data at all.</summary>
    [JsonIgnore]
    internal bool HasData { get; set; }

    string? Serialization.IEnvelopeData.DataMismatch { get => DataMismatch; set => DataMismatch = value; }

    bool Serialization.IEnvelopeData.HasData { get => HasData; set => HasData = value; }

    void Serialization.IEnvelopeData.SetData(object? value) => Data = (TData)value!;

    /// <inheritdoc />
    public override string ToString() => "{ error: " + Status + ", data: " + Internal.ModelText.Value(Data) + " }";
}
