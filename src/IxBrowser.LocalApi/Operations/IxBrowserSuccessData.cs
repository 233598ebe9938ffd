namespace IxBrowser.LocalApi;

/// <summary>
/// An operation's x-success-data as the spec writes it (kind, items, schema, documented value), and
/// what it means in words for error messages. The generator emits the facts; this class reads them.
/// </summary>
internal sealed class IxBrowserSuccessData(string kind, string? items, string? schema, string? value)
{
    public string Kind { get; } = kind;

    public string? Items { get; } = items;

    public string? Schema { get; } = schema;

    public string? Value { get; } = value;

    /// <summary>The data in words, for example <c>the integer 1</c> or <c>a page of ProxyListItem ({total, data: [...]})</c>.</summary>
    public string Describe() => Kind switch
    {
        "object" => $"an object ({Schema})",
        "none" => "nothing (absent, null, [] or a string: no data)",
        "json-text-list" => $"a list of {Items} as JSON text in a string",
        "list" when Items == "int64" => "an array of ids (numbers or digit strings)",
        "list" => $"an array of {Items}",
        "page" => $"a page of {Items} ({{total, data: [...]}})",
        "string" when Value is not null => $"the string \"{Value}\"",
        _ when Value is not null => $"the integer {Value}",
        "string" => "a string",
        "boolean" => "a boolean",
        _ => "an integer",
    };
}
