using System.Collections.Generic;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi;

// Hand-written in place of the spec's IxBrowserResponse schema (excluded in nswag.json): the
// envelope is one type for every operation, and its data is typed by IxBrowserResponse<TData>.

/// <summary>The envelope of every answer of the local API: its <see cref="Status"/> (the wire's <c>error</c>).</summary>
public class IxBrowserResponse
{
    /// <summary>Outcome of the call: code 0, message and the server's time on success.</summary>
    [JsonProperty("error", Required = Required.Always)]
    public IxBrowserStatus Status { get; set; } = new();

    /// <summary>Properties of the envelope that the spec does not define; kept, not interpreted.</summary>
    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();

    /// <summary>Whether the answer had a non-null data at all.</summary>
    [JsonIgnore]
    internal bool HasData { get; set; }

    /// <summary>What the answer's data was when it did not fit the operation's type (an empty array on failure, for one); null when it fit.</summary>
    [JsonIgnore]
    internal string? DataMismatch { get; set; }

    /// <summary>
    /// Whether this answer is the operation's success: code 0 and data that fits its x-success-data.
    /// The one place that decides it (the client and the contract checker both ask here).
    /// </summary>
    internal bool IsSuccess => Status.Code == 0 && DataMismatch is null && (HasData || !NeedsData);

    /// <summary>Whether a success must carry data: false for an operation whose x-success-data kind is none.</summary>
    private protected virtual bool NeedsData => true;

    /// <inheritdoc />
    public override string ToString() => "{ error: " + Status + " }";

    /// <summary>Sets the typed data of <see cref="IxBrowserResponse{TData}"/>; for the envelope converter, which knows TData only at run time.</summary>
    internal virtual void SetData(object? value)
    {
    }
}
