using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>Reads any JSON value into <see cref="IxBrowserData"/> and writes it back unchanged.</summary>
internal sealed class IxBrowserDataJsonConverter : JsonConverter<IxBrowserData>
{
    public override void WriteJson(JsonWriter writer, IxBrowserData? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        value.Token.WriteTo(writer);
    }

    public override IxBrowserData? ReadJson(JsonReader reader, Type objectType, IxBrowserData? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        return new IxBrowserData(JToken.ReadFrom(reader));
    }
}
