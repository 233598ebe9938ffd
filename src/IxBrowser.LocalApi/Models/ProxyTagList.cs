using System.Collections.Generic;
using System.Collections.ObjectModel;
using IxBrowser.LocalApi.Serialization;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi;

// Hand-written in place of the spec's ProxyTagList schema (anyOf string / array, which NSwag cannot
// type). Callers work with a list; ProxyTagListJsonConverter writes what the API documents.

/// <summary>
/// Tag names of a custom proxy. Sent as <c>""</c> when empty (clears the tags), as a string when it
/// holds one tag and as an array when it holds several, as the proxy-update page describes.
/// </summary>
[JsonConverter(typeof(ProxyTagListJsonConverter))]
public sealed class ProxyTagList : Collection<string>
{
    /// <summary>Creates an empty list; sending it clears the proxy's tags.</summary>
    public ProxyTagList()
    {
    }

    /// <summary>Creates a list holding <paramref name="tags"/>, in order.</summary>
    /// <param name="tags">The tag names.</param>
    public ProxyTagList(IEnumerable<string> tags)
        : base(new List<string>(tags ?? throw new System.ArgumentNullException(nameof(tags))))
    {
    }

    /// <summary>Converts an array of tag names into a list.</summary>
    /// <param name="tags">The tag names.</param>
    public static implicit operator ProxyTagList(string[] tags) => new(tags);

    /// <summary>Converts a list of tag names into a tag list.</summary>
    /// <param name="tags">The tag names.</param>
    public static implicit operator ProxyTagList(List<string> tags) => new(tags);

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", this) + "]";
}
