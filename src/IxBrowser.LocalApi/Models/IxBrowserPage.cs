using System.Collections.Generic;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi;

/// <summary>
/// One page of a list operation: the <c>data</c> of its success envelope, <c>{total, data: [...]}</c>
/// on the wire. Operations whose x-success-data kind is <c>page</c> return it.
/// </summary>
/// <typeparam name="TItem">The item type the operation's x-success-data names.</typeparam>
public sealed class IxBrowserPage<TItem>
{
    /// <summary>How many items match the request's filters, on all pages together.</summary>
    [JsonProperty("total", Required = Required.Always)]
    public long Total { get; set; }

    /// <summary>The items of this page (the wire's <c>data</c>).</summary>
    [JsonProperty("data", Required = Required.Always)]
    public IList<TItem> Items { get; set; } = new List<TItem>();

    /// <summary>Fields of the page the spec does not name, kept as read.</summary>
    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();

    /// <summary>The total and the items, each described with its secrets masked.</summary>
    /// <returns>For example <c>IxBrowserPage { Total = 1, Items = [GroupListItem { Id = 169, Title = "Facebook1" }] }</c>.</returns>
    public override string ToString() => "IxBrowserPage { Total = " + Internal.ModelText.Value(Total) + ", Items = " + Internal.ModelText.Value(Items) + " }";
}
