using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>
/// Reads the envelope of every operation, <see cref="IxBrowserResponse{TData}"/>, in one pass.
/// <c>error</c> and <c>error.code</c> are required and read as Newtonsoft reads their types (a
/// numeric-string code is accepted, "oops" fails with Newtonsoft's message).
/// </summary>
/// <remarks>
/// The one place that knows the failure shape: <c>data</c> that does not fit the operation's type
/// (<c>[]</c> on failure, or anything else) is not an error here. It is recorded in
/// <see cref="IxBrowserResponse.DataMismatch"/>, so an error code always reaches the caller as
/// an <see cref="IxBrowserApiException"/>, and only a success with the wrong data becomes a protocol
/// error. Data is matched by its JSON token type, strictly: "1" is not an integer, 1 is not a string.
/// </remarks>
internal sealed class IxBrowserResponseJsonConverter : JsonConverter
{
    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) =>
        objectType.IsGenericType && objectType.GetGenericTypeDefinition() == typeof(IxBrowserResponse<>);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("CanWrite is false: Newtonsoft writes the envelope itself.");

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        SkipComments(reader);
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        ExpectObject(reader, "IxBrowserResponse");
        var shape = Shapes.GetOrAdd(objectType, Shape.Of);
        var response = shape.Create();
        IxBrowserStatus? status = null;
        while (NextProperty(reader, "IxBrowserResponse") is { } name)
        {
            Advance(reader);
            switch (name)
            {
                case "error":
                    status = ReadStatus(reader, serializer);
                    break;
                case "data":
                    ReadData(reader, serializer, shape, response);
                    break;
                default:
                    response.AdditionalProperties[name] = serializer.Deserialize(reader)!;
                    break;
            }
        }

        response.Status = status ?? throw RequiredMissing(reader, "error");
        return response;
    }

    private static void ReadData(JsonReader reader, JsonSerializer serializer, Shape shape, IxBrowserResponse response)
    {
        var dataType = shape.DataType;
        if (dataType == typeof(IxBrowserNoData))
        {
            // x-success-data kind none: whatever the app puts here (null, [], "success") is not data.
            reader.Skip();
            return;
        }

        if (reader.TokenType == JsonToken.Null)
        {
            return;
        }

        response.HasData = true;
        if (!Fits(reader.TokenType, shape))
        {
            response.DataMismatch = Describe(reader.TokenType, reader.Value);
            reader.Skip();
            return;
        }

        var token = reader.TokenType;
        var value = reader.Value;
        if (ReadsItself(shape.PlainCode, value) is { } primitive)
        {
            response.SetData(primitive);
            return;
        }

        try
        {
            response.SetData(serializer.Deserialize(reader, dataType));
        }
        catch (JsonException) when (token is not (JsonToken.StartObject or JsonToken.StartArray))
        {
            // A single token of the right JSON type that still does not fit (an integer beyond
            // Int32): the reader is past it, so the envelope stays readable and the client reports it.
            response.DataMismatch = Describe(token, value) + ", which does not fit " + dataType.Name;
        }
    }

    /// <summary>
    /// A number, string or boolean that fits as it is, read without the serializer, which would set up a
    /// reader of its own for it (about 0.1 µs of a call in memory). The token type already fits
    /// (<see cref="Fits"/>); an integer outside Int32 for an int is left to the serializer, which fails as before.
    /// </summary>
    private static object? ReadsItself(TypeCode code, object? value) => (code, value) switch
    {
        (TypeCode.Int32, long number) when number is >= int.MinValue and <= int.MaxValue => (int)number,
        (TypeCode.Int64, long number) => number,
        (TypeCode.String, string text) => text,
        (TypeCode.Boolean, bool flag) => flag,
        _ => null,
    };

    private static bool Fits(JsonToken token, Shape shape) => shape.Code switch
    {
        TypeCode.Int32 or TypeCode.Int64 => token == JsonToken.Integer,
        TypeCode.String => token == JsonToken.String,
        TypeCode.Boolean => token == JsonToken.Boolean,
        TypeCode.Decimal or TypeCode.Double => token is JsonToken.Integer or JsonToken.Float,
        _ => token == JsonToken.StartObject || (token == JsonToken.StartArray && shape.IsList) || (token == JsonToken.String && shape.IsJsonText),
    };

    /// <summary>The data in words, for messages. Strings are not quoted: they may echo a secret.</summary>
    private static string Describe(JsonToken token, object? value) => token switch
    {
        JsonToken.StartArray => "an array",
        JsonToken.StartObject => "an object",
        JsonToken.String => "a string",
        JsonToken.Integer => "the integer " + Convert.ToString(value, CultureInfo.InvariantCulture),
        JsonToken.Float => "the number " + Convert.ToString(value, CultureInfo.InvariantCulture),
        JsonToken.Boolean => "the boolean " + Convert.ToString(value, CultureInfo.InvariantCulture)!.ToLowerInvariant(),
        _ => "a JSON " + token.ToString().ToLowerInvariant(),
    };

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
            switch (name)
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

                    // An integer as it is; anything else as Newtonsoft reads a long? ("1693464163" is read, "soon" fails).
                    status.Time = reader.TokenType == JsonToken.Integer && reader.Value is long time ? time : serializer.Deserialize<long?>(reader);
                    break;
                default:
                    Advance(reader);
                    SetOther(status, name, reader, serializer);
                    break;
            }
        }

        return hasCode ? status : throw RequiredMissing(reader, "code");
    }

    /// <summary>
    /// A property of the generated IxBrowserStatus that the switch does not name (one the spec gains
    /// later, or a name in other casing) is set as Newtonsoft would set it; an unknown one is kept
    /// in AdditionalProperties, as the model's [JsonExtensionData] does.
    /// </summary>
    private static void SetOther(IxBrowserStatus status, string name, JsonReader reader, JsonSerializer serializer)
    {
        var contract = (JsonObjectContract)serializer.ContractResolver.ResolveContract(typeof(IxBrowserStatus));
        if (contract.Properties.GetClosestMatchProperty(name) is { Ignored: false, Writable: true, ValueProvider: { } setter, PropertyType: { } type })
        {
            setter.SetValue(status, serializer.Deserialize(reader, type));
            return;
        }

        status.AdditionalProperties[name] = serializer.Deserialize(reader)!;
    }

    /// <summary>What the converter needs of one envelope type, worked out once per type: no reflection per call.</summary>
    private sealed class Shape(Type dataType, Func<IxBrowserResponse> create)
    {
        public Type DataType { get; } = dataType;

        public Func<IxBrowserResponse> Create { get; } = create;

        /// <summary>The data's type code, of the underlying type for a nullable.</summary>
        public TypeCode Code { get; } = Type.GetTypeCode(Nullable.GetUnderlyingType(dataType) ?? dataType);

        /// <summary>The type code of plain int, long, string and bool data (nullable or not), which the converter reads itself; Empty for any other type, enums included.</summary>
        public TypeCode PlainCode { get; } = (Nullable.GetUnderlyingType(dataType) ?? dataType) is var plain && (plain == typeof(int) || plain == typeof(long) || plain == typeof(string) || plain == typeof(bool))
            ? Type.GetTypeCode(plain)
            : TypeCode.Empty;

        public bool IsList { get; } = typeof(System.Collections.IEnumerable).IsAssignableFrom(dataType);

        /// <summary>x-success-data kind json-text: a list sent as JSON inside a string.</summary>
        public bool IsJsonText { get; } = dataType.IsGenericType && dataType.GetGenericTypeDefinition() == typeof(JsonTextList<>);

        public static Shape Of(Type type)
        {
            var constructor = type.GetConstructor(Type.EmptyTypes) ?? throw new InvalidOperationException(type + " has no parameterless constructor.");
            var create = Expression.Lambda<Func<IxBrowserResponse>>(Expression.New(constructor)).Compile();
            return new Shape(type.GetGenericArguments()[0], create);
        }
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
