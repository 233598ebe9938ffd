using System.Collections.Generic;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi;

/// <summary>
/// A list the local API sends as JSON text inside a string, such as a profile's cookies (pages 21 and
/// 22): <c>"[{\"name\":...}]"</c>. It is an ordinary list in C#; on the wire it is written as that
/// string, and read from it (or from a plain JSON array).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[JsonConverter(typeof(Serialization.JsonTextListConverter))]
public sealed class JsonTextList<T> : List<T>
{
    /// <summary>An empty list.</summary>
    public JsonTextList()
    {
    }

    /// <summary>A list of <paramref name="items"/>.</summary>
    /// <param name="items">The items.</param>
    public JsonTextList(IEnumerable<T> items)
        : base(items)
    {
    }
}
