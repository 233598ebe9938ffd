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
/// enum property) at a fraction of its cost per value: see tests/IxBrowser.LocalApi.Benchmarks.
/// </summary>
/// <remarks>
/// The client's serializer gives each enum property the converter of its own type (<see cref="For"/>),
/// which holds its table, so a value is written by an array index: no lookup of the type, and no
/// dictionary of boxed values, whose hashing and comparison cost more than the rest of writing it.
/// <see cref="Instance"/> converts any enum, finding the table by the value's type.
/// </remarks>
internal sealed class WireEnumConverter : JsonConverter
{
    /// <summary>Converts any enum.</summary>
    public static readonly WireEnumConverter Instance = new(null);

    private static readonly ConcurrentDictionary<Type, WireEnumConverter> PerType = new();

    private readonly Table? _table;

    private WireEnumConverter(Table? table) => _table = table;

    /// <summary>The converter of one enum type (or its nullable), with its table.</summary>
    public static WireEnumConverter For(Type enumType) =>
        PerType.GetOrAdd(Nullable.GetUnderlyingType(enumType) ?? enumType, static type => new WireEnumConverter(new Table(type)));

    public override bool CanConvert(Type objectType) => (Nullable.GetUnderlyingType(objectType) ?? objectType) is { IsEnum: true } type && (_table is null || _table.Type == type);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        var table = _table ?? For(value.GetType())._table!;
        if (table.ToWire(value) is { } wire)
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

        var table = _table ?? For(enumType)._table!;
        if (reader.TokenType == JsonToken.String && table.FromWire.TryGetValue((string)reader.Value!, out var member))
        {
            return member;
        }

        throw new JsonSerializationException($"Error converting value {reader.Value ?? reader.TokenType} to type '{enumType.Name}'. Path '{reader.Path}'.");
    }

    /// <summary>One enum type's wire values: by number for small non-negative members (every enum of the spec), else by value.</summary>
    private sealed class Table
    {
        private const int MaxIndexed = 256;

        private readonly string?[] _byNumber;
        private readonly Dictionary<object, string> _byValue = new();
        private readonly bool _isInt32;

        public Table(Type type)
        {
            Type = type;
            _isInt32 = Enum.GetUnderlyingType(type) == typeof(int);
            var byNumber = new string?[MaxIndexed];
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var value = field.GetValue(null)!;
                var wire = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
                _byValue[value] = wire;
                FromWire[wire] = value;
                if (_isInt32 && (int)value is >= 0 and < MaxIndexed and var number)
                {
                    byNumber[number] = wire;
                }
            }

            _byNumber = byNumber;
        }

        public Type Type { get; }

        public Dictionary<string, object> FromWire { get; } = new(StringComparer.Ordinal);

        /// <summary>The member's wire value; null for a number that is no member.</summary>
        public string? ToWire(object value)
        {
            // Unboxing an int-based enum as int is allowed by the runtime and costs nothing.
            if (_isInt32 && (int)value is >= 0 and < MaxIndexed and var number)
            {
                return _byNumber[number];
            }

            return _byValue.TryGetValue(value, out var wire) ? wire : null;
        }
    }
}
