using System;
using System.Globalization;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>
/// x-wire-format <c>decimal</c>: a number sent as a decimal string (<c>"1024.00"</c>), exposed as a
/// <see cref="decimal"/> with its scale kept and written back as the same string. A plain JSON number is read too.
/// </summary>
internal sealed class DecimalStringJsonConverter : JsonConverter<decimal?>
{
    public override decimal? ReadJson(JsonReader reader, Type objectType, decimal? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.Integer or JsonToken.Float when decimal.TryParse(Convert.ToString(reader.Value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return number;
            case JsonToken.String when decimal.TryParse((string)reader.Value!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value):
                return value;
            default:
                throw new JsonSerializationException($"Expected a decimal string such as \"1024.00\" at '{reader.Path}', found {(reader.TokenType is JsonToken.String or JsonToken.Integer or JsonToken.Float ? "a value that is not a decimal" : "a JSON " + reader.TokenType)}.");
        }
    }

    public override void WriteJson(JsonWriter writer, decimal? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteValue(value.Value.ToString(CultureInfo.InvariantCulture));
    }
}
