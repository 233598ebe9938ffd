using System;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>
/// Writes a <see cref="ProxyTagList"/> as the proxy-update page documents it (a string for no tag
/// or one tag, an array for several) and reads either form back.
/// </summary>
internal sealed class ProxyTagListJsonConverter : JsonConverter<ProxyTagList>
{
    public override void WriteJson(JsonWriter writer, ProxyTagList? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        switch (value.Count)
        {
            case 0:
                writer.WriteValue(string.Empty);
                break;
            case 1:
                writer.WriteValue(value[0]);
                break;
            default:
                writer.WriteStartArray();
                foreach (var tag in value)
                {
                    writer.WriteValue(tag);
                }

                writer.WriteEndArray();
                break;
        }
    }

    public override ProxyTagList? ReadJson(JsonReader reader, Type objectType, ProxyTagList? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.String:
                var single = (string)reader.Value!;
                return single.Length == 0 ? new ProxyTagList() : new ProxyTagList { single };
            case JsonToken.StartArray:
                var list = new ProxyTagList();
                while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                {
                    if (reader.TokenType != JsonToken.String)
                    {
                        throw new JsonSerializationException($"A tag must be a string, not {reader.TokenType}. Path '{reader.Path}'.");
                    }

                    list.Add((string)reader.Value!);
                }

                return list;
            default:
                throw new JsonSerializationException($"tag must be a string or an array of strings, not {reader.TokenType}. Path '{reader.Path}'.");
        }
    }
}
