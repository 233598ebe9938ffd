using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Serialization;

/// <summary>
/// Writes and reads enums by their [EnumMember] wire values from tables built once per type.
/// Behaves like Newtonsoft's StringEnumConverter for our enums (which the generator puts on every
/// enum property) at less than half its cost per value: see tests/IxBrowser.LocalApi.Benchmarks.
/// </summary>
internal sealed class WireEnumConverter : JsonConverter
{
    public static readonly WireEnumConverter Instance = new();

    private static readonly ConcurrentDictionary<Type, Map> Maps = new();

    public override bool CanConvert(Type objectType) => (Nullable.GetUnderlyingType(objectType) ?? objectType).IsEnum;

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        var map = MapOf(value.GetType());
        if (map.ToWire.TryGetValue(value, out var wire))
        {
            writer.WriteValue(wire);
        }
        else
        {
            // Not a member (a cast number): written as its number, as StringEnumConverter does.
            writer.WriteValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var enumType = Nullable.GetUnderlyingType(objectType) ?? objectType;
        if (reader.TokenType == JsonToken.Null)
        {
            return enumType == objectType ? throw new JsonSerializationException($"Cannot convert null to {enumType.Name}. Path '{reader.Path}'.") : null;
        }

        if (reader.TokenType == JsonToken.String && MapOf(enumType).FromWire.TryGetValue((string)reader.Value!, out var member))
        {
            return member;
        }

        throw new JsonSerializationException($"Error converting value {reader.Value ?? reader.TokenType} to type '{enumType.Name}'. Path '{reader.Path}'.");
    }

    private static Map MapOf(Type enumType) => Maps.GetOrAdd(enumType, static type =>
    {
        var toWire = new Dictionary<object, string>();
        var fromWire = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = field.GetValue(null)!;
            var wire = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
            toWire[value] = wire;
            fromWire[wire] = value;
        }

        return new Map(toWire, fromWire);
    });

    private sealed class Map(Dictionary<object, string> toWire, Dictionary<string, object> fromWire)
    {
        public Dictionary<object, string> ToWire { get; } = toWire;

        public Dictionary<string, object> FromWire { get; } = fromWire;
    }
}
