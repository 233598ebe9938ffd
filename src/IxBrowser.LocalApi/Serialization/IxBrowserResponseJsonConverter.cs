using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>
/// Reads the envelope in one pass, by the same rules as Newtonsoft's reading of the generated
/// <see cref="IxBrowserResponse"/>: <c>error</c> and <c>error.code</c> are required, each value is read
/// the way Newtonsoft reads that property's type (so a numeric-string code is still accepted and
/// "oops" still fails with Newtonsoft's own message), unknown properties go to AdditionalProperties.
/// </summary>
/// <remarks>
/// Why: for a type with required properties Newtonsoft builds a dictionary of every property's
/// presence per object, which made reading an envelope cost twice what the hand-written baseline
/// pays (1.5 us against 0.7 us; see tests/IxBrowser.LocalApi.Benchmarks). The fault matrix, the
/// property tests and the contract tests pin the behaviour; writing is left to Newtonsoft.
/// </remarks>
internal sealed class IxBrowserResponseJsonConverter : JsonConverter
{
    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(IxBrowserResponse);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("CanWrite is false: Newtonsoft writes IxBrowserResponse itself.");

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        SkipComments(reader);
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        ExpectObject(reader, nameof(IxBrowserResponse));
        var response = new IxBrowserResponse();
        IxBrowserStatus? status = null;
        while (NextProperty(reader, nameof(IxBrowserResponse)) is { } name)
        {
            JsonProperty? property = null;
            var key = name is "error" or "data" ? name : (property = Match(typeof(IxBrowserResponse), name, serializer))?.PropertyName;
            switch (key)
            {
                case "error":
                    Advance(reader);
                    status = ReadStatus(reader, serializer);
                    break;
                case "data":
                    Advance(reader);
                    // NullValueHandling.Ignore in the generated model: a null leaves Data unset.
                    if (reader.TokenType != JsonToken.Null)
                    {
                        response.Data = serializer.Deserialize<IxBrowserData>(reader);
                    }

                    break;
                default:
                    Advance(reader);
                    SetOther(response, response.AdditionalProperties, name, property, reader, serializer);
                    break;
            }
        }

        response.Status = status ?? throw RequiredMissing(reader, "error");
        return response;
    }

    private static IxBrowserStatus ReadStatus(JsonReader reader, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            throw Fail(reader, "Required property 'error' expects a value but got null.");
        }

        ExpectObject(reader, nameof(IxBrowserStatus));
        var status = new IxBrowserStatus();
        var hasCode = false;
        while (NextProperty(reader, nameof(IxBrowserStatus)) is { } name)
        {
            JsonProperty? property = null;
            var key = name is "code" or "message" or "time" ? name : (property = Match(typeof(IxBrowserStatus), name, serializer))?.PropertyName;
            switch (key)
            {
                case "code":
                    // ReadAsInt32 is how Newtonsoft reads an int property: "2002" is 2002, "oops" and 1.5 fail.
                    status.Code = reader.ReadAsInt32() ?? throw Fail(reader, "Required property 'code' expects a value but got null.");
                    hasCode = true;
                    break;
                case "message":
                    status.Message = reader.ReadAsString();
                    break;
                case "time":
                    Advance(reader);
                    status.Time = serializer.Deserialize<long?>(reader);
                    break;
                default:
                    Advance(reader);
                    SetOther(status, status.AdditionalProperties, name, property, reader, serializer);
                    break;
            }
        }

        return hasCode ? status : throw RequiredMissing(reader, "code");
    }

    /// <summary>Off the fast path (exact names): the property Newtonsoft would pick, ignoring case if need be.</summary>
    private static JsonProperty? Match(Type type, string name, JsonSerializer serializer) =>
        ((JsonObjectContract)serializer.ContractResolver.ResolveContract(type)).Properties.GetClosestMatchProperty(name);

    /// <summary>
    /// A property the switch does not name: one the spec has gained since this converter was written
    /// (set as Newtonsoft would set it; see the test that pins which properties are required), or an
    /// unknown one (kept in AdditionalProperties, as the generated model's [JsonExtensionData] does).
    /// </summary>
    private static void SetOther(object target, IDictionary<string, object> extra, string name, JsonProperty? property, JsonReader reader, JsonSerializer serializer)
    {
        if (property is { Ignored: false, Writable: true, ValueProvider: { } setter, PropertyType: { } type })
        {
            setter.SetValue(target, serializer.Deserialize(reader, type));
            return;
        }

        extra[name] = serializer.Deserialize(reader)!;
    }

    private static void ExpectObject(JsonReader reader, string type)
    {
        if (reader.TokenType != JsonToken.StartObject)
        {
            throw Fail(reader, string.Format(CultureInfo.InvariantCulture, "Cannot deserialize the current JSON {0} into type '{1}': the envelope and its error are JSON objects.", reader.TokenType, type));
        }
    }

    /// <summary>Moves to the next property name of the current object; null at its end.</summary>
    private static string? NextProperty(JsonReader reader, string type)
    {
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonToken.PropertyName:
                    return (string)reader.Value!;
                case JsonToken.EndObject:
                    return null;
                case JsonToken.Comment:
                    continue;
                default:
                    throw Fail(reader, "Unexpected token when deserializing " + type + ": " + reader.TokenType + ".");
            }
        }

        throw Fail(reader, "Unexpected end when deserializing " + type + ".");
    }

    /// <summary>Moves to the value of the property just read, past any comments.</summary>
    private static void Advance(JsonReader reader)
    {
        if (!reader.Read())
        {
            throw Fail(reader, "Unexpected end when reading a property value.");
        }

        SkipComments(reader);
    }

    private static void SkipComments(JsonReader reader)
    {
        while (reader.TokenType == JsonToken.Comment)
        {
            if (!reader.Read())
            {
                throw Fail(reader, "Unexpected end after a comment.");
            }
        }
    }

    private static JsonSerializationException RequiredMissing(JsonReader reader, string property) =>
        Fail(reader, "Required property '" + property + "' not found in JSON.");

    private static JsonSerializationException Fail(JsonReader reader, string message)
    {
        var position = reader is IJsonLineInfo { } info && info.HasLineInfo()
            ? string.Format(CultureInfo.InvariantCulture, ", line {0}, position {1}", info.LineNumber, info.LinePosition)
            : string.Empty;
        return new JsonSerializationException(message + " Path '" + reader.Path + "'" + position + ".");
    }
}
