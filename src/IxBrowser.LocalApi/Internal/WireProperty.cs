using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi.Internal;

/// <summary>One property of a generated model, with what the spec says about it.</summary>
internal sealed class WireProperty
{
    public WireProperty(PropertyInfo property, string wireName, bool required)
    {
        Property = property;
        WireName = wireName;
        Required = required;
        IsSecret = property.GetCustomAttribute<SecretAttribute>() is not null;
        TargetKind = property.GetCustomAttribute<TargetAttribute>()?.Kind;
        Range = property.GetCustomAttribute<WireRangeAttribute>();
        Pattern = property.GetCustomAttribute<WirePatternAttribute>();
        AppendixName = property.GetCustomAttribute<AppendixAttribute>()?.Name;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        EnumType = type.IsEnum ? type : null;
        IsModel = WireModel.IsModel(type);
        _members = EnumType is null ? null : new HashSet<object>(Enum.GetValues(EnumType).Cast<object>());
        IsChecked = Required || EnumType is not null || Range is not null || Pattern is not null || AppendixName is not null || IsModel;
        // An open generic type's property (a generic model seen through its definition) cannot be compiled, nor read.
        _get = property.DeclaringType is { ContainsGenericParameters: false } ? CompileGetter(property) : property.GetValue;
    }

    private readonly Func<object, object?> _get;

    private readonly HashSet<object>? _members;

    public PropertyInfo Property { get; }

    /// <summary>What the property's id identifies (x-target), for example <c>proxy</c>; null for other properties.</summary>
    public string? TargetKind { get; }

    /// <summary>The JSON name, for example <c>proxy_port</c>.</summary>
    public string WireName { get; }

    public bool Required { get; }

    public bool IsSecret { get; }

    public WireRangeAttribute? Range { get; }

    public WirePatternAttribute? Pattern { get; }

    public Type? EnumType { get; }

    /// <summary>The vendor appendix (x-appendix) the value or each item must come from, for example <c>time-zones</c>; null for other properties.</summary>
    public string? AppendixName { get; }

    /// <summary>Whether the value is itself a generated model (walked for validation and secrets).</summary>
    public bool IsModel { get; }

    /// <summary>Whether validation has anything to check on this property.</summary>
    public bool IsChecked { get; }

    /// <summary>The property's value, through a delegate compiled once (no reflection per call).</summary>
    public object? GetValue(object model) => _get(model);

    private static Func<object, object?> CompileGetter(PropertyInfo property)
    {
        var model = System.Linq.Expressions.Expression.Parameter(typeof(object), "model");
        var read = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(model, property.DeclaringType!), property);
        return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(System.Linq.Expressions.Expression.Convert(read, typeof(object)), model).Compile();
    }

    /// <summary>Whether an enum value is a declared member (Enum.IsDefined allocates on every call).</summary>
    public bool IsDefinedMember(object value) => _members?.Contains(value) != false;
}
