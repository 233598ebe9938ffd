using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>
/// x-wire-format <c>id-strings</c>: ids sent as an array of strings (<c>["161", "162"]</c>, page 11),
/// exposed as a list of ids. Read leniently (numbers or digit strings), written as the page shows.
/// </summary>
internal sealed class IdStringsJsonConverter : JsonConverter<IList<long>?>
{
    public override IList<long>? ReadJson(JsonReader reader, Type objectType, IList<long>? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartArray)
        {
            throw new JsonSerializationException($"Expected an array of ids at '{reader.Path}', found a JSON {reader.TokenType}.");
        }

        var ids = new List<long>();
        while (reader.Read() && reader.TokenType != JsonToken.EndArray)
        {
            ids.Add(reader.TokenType switch
            {
                JsonToken.Integer => Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture),
                JsonToken.String when long.TryParse((string)reader.Value!, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
                _ => throw new JsonSerializationException($"Expected an id (digits) at '{reader.Path}', found a JSON {reader.TokenType}."),
            });
        }

        return ids;
    }

    public override void WriteJson(JsonWriter writer, IList<long>? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteStartArray();
        foreach (var id in value)
        {
            writer.WriteValue(id.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteEndArray();
    }
}
