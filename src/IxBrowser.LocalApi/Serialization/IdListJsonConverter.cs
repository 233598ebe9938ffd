using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>
/// x-wire-format <c>id-list</c>: ids sent as one space-separated string (<c>"117 118"</c>, <c>""</c>
/// for none), exposed as a list of ids. Extra spaces are tolerated; anything but digits is an error.
/// </summary>
internal sealed class IdListJsonConverter : JsonConverter<IList<long>?>
{
    private static readonly char[] Separator = { ' ' };

    public override IList<long>? ReadJson(JsonReader reader, Type objectType, IList<long>? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.Integer when reader.Value is long single:
                // A single id sent as a number instead of a string.
                return new List<long> { single };
            case JsonToken.String:
                return Parse((string)reader.Value!, reader.Path);
            default:
                throw new JsonSerializationException($"Expected a space-separated string of ids at '{reader.Path}', found a JSON {reader.TokenType}.");
        }
    }

    public override void WriteJson(JsonWriter writer, IList<long>? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteValue(string.Join(" ", value));
    }

    private static List<long> Parse(string text, string path)
    {
        var ids = new List<long>();
        foreach (var part in text.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new JsonSerializationException($"Expected a space-separated string of ids at '{path}', found a part that is not an id.");
            }

            ids.Add(id);
        }

        return ids;
    }
}
