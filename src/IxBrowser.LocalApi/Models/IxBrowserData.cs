using System.Globalization;
using IxBrowser.LocalApi.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi;

// Hand-written in place of the spec's IxBrowserData schema (anyOf string / integer / array):
// the same envelope field is "success", 1 or [] depending on operation and outcome, and a
// failure's [] must never break deserialization.

/// <summary>The <c>data</c> of an envelope: <c>"success"</c> or <c>1</c> on success, <c>[]</c> on failure.</summary>
[JsonConverter(typeof(IxBrowserDataJsonConverter))]
public sealed class IxBrowserData
{
    private readonly JToken _value;

    internal IxBrowserData(JToken value)
    {
        _value = value;
        Kind = value.Type switch
        {
            JTokenType.String => IxBrowserDataKind.JsonString,
            JTokenType.Integer => IxBrowserDataKind.JsonInteger,
            JTokenType.Array => IxBrowserDataKind.JsonArray,
            _ => IxBrowserDataKind.Other,
        };
    }

    /// <summary>The JSON type of the value.</summary>
    public IxBrowserDataKind Kind { get; }

    /// <summary>The value when it is a string (<c>"success"</c>), otherwise <see langword="null"/>.</summary>
    public string? StringValue => Kind == IxBrowserDataKind.JsonString ? (string?)_value : null;

    /// <summary>The value when it is an integer that fits 64 bits (<c>1</c>), otherwise <see langword="null"/>.</summary>
    public long? Int64Value => Kind == IxBrowserDataKind.JsonInteger && _value is JValue { Value: long l } ? l : null;

    internal JToken Token => _value;

    /// <summary>Creates data holding a string.</summary>
    /// <param name="value">The string.</param>
    public static IxBrowserData FromString(string value) => new(new JValue(value));

    /// <summary>Creates data holding an integer.</summary>
    /// <param name="value">The integer.</param>
    public static IxBrowserData FromInt64(long value) => new(new JValue(value));

    /// <summary>The value as compact JSON, for example <c>"success"</c>, <c>1</c> or <c>[]</c>.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => _value.ToString(Formatting.None);

    internal string Describe() => Kind switch
    {
        IxBrowserDataKind.JsonString => "a string",
        IxBrowserDataKind.JsonInteger => "the integer " + Int64Value?.ToString(CultureInfo.InvariantCulture),
        IxBrowserDataKind.JsonArray => "an array",
        _ => "a JSON " + _value.Type.ToString().ToLowerInvariant(),
    };
}
