namespace IxBrowser.LocalApi;

/// <summary>The JSON type of an envelope's <c>data</c>.</summary>
public enum IxBrowserDataKind
{
    /// <summary>A JSON string, such as <c>"success"</c>.</summary>
    JsonString = 1,

    /// <summary>A JSON integer, such as <c>1</c>.</summary>
    JsonInteger = 2,

    /// <summary>A JSON array; failures carry an empty one.</summary>
    JsonArray = 3,

    /// <summary>Any other JSON value (object, fraction, boolean, null).</summary>
    Other = 4,
}
