using System;
using System.Collections;
using System.Collections.Concurrent;
using System.IO;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>
/// Reads and writes every <see cref="JsonTextList{T}"/>: JSON text inside a string on the wire
/// (x-wire-format <c>json-text</c>, x-success-data kind <c>json-text-list</c>). Text that is not a JSON
/// array of the items fails like any malformed JSON, so a bad answer is a protocol error.
/// </summary>
internal sealed class JsonTextListConverter : JsonConverter
{
    private static readonly ConcurrentDictionary<Type, Type> ItemLists = new();

    public override bool CanConvert(Type objectType) => objectType.IsGenericType && objectType.GetGenericTypeDefinition() == typeof(JsonTextList<>);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var list = (IList)Activator.CreateInstance(objectType)!;
        var items = ItemLists.GetOrAdd(objectType, static t => typeof(System.Collections.Generic.List<>).MakeGenericType(t.GetGenericArguments()[0]));
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.String:
                var text = (string)reader.Value!;
                if (text.Trim().Length == 0)
                {
                    return list;
                }

                using (var inner = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 32 })
                {
                    Add(list, serializer.Deserialize(inner, items));
                }

                return list;
            case JsonToken.StartArray:
                Add(list, serializer.Deserialize(reader, items));
                return list;
            default:
                throw new JsonSerializationException($"Expected JSON text of a list (a string) at '{reader.Path}', found a JSON {reader.TokenType}.");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var inner = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            // Written as a plain list, not through this converter again.
            serializer.Serialize(inner, new ArrayList((ICollection)value));
        }

        writer.WriteValue(text.ToString());
    }

    private static void Add(IList list, object? items)
    {
        foreach (var item in (IEnumerable?)items ?? Array.Empty<object>())
        {
            list.Add(item);
        }
    }
}
