using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using IxBrowser.LocalApi.Internal;

namespace IxBrowser.LocalApi.Validation;

/// <summary>
/// The spec's checks of a model (required, enum members, ranges, patterns, appendices, id lists and the
/// models inside it), compiled once per type into one delegate that reads each property typed: no
/// reflection and no boxing per call. It only answers whether everything passes; when it does not,
/// <see cref="RequestValidator"/> walks the model again to say what is wrong, so the messages come from
/// one place and this is only the fast path.
/// </summary>
internal static class CompiledCheck
{
    private static readonly ConcurrentDictionary<Type, Func<object, bool>> Cache = new();

    public static bool Passes(object model) => Cache.GetOrAdd(model.GetType(), Compile)(model);

    /// <summary>The same, found without a lookup when the model is exactly a <typeparamref name="T"/> (a request as the operation declares it).</summary>
    public static bool Passes<T>(T model)
        where T : class => model.GetType() == typeof(T) ? Typed<T>.Check(model) : Passes((object)model);

    private static Func<object, bool> Compile(Type type)
    {
        var input = Expression.Parameter(typeof(object), "model");
        var typed = Expression.Variable(type, "typed");
        Expression body = Expression.Constant(true);
        foreach (var property in WireModel.Of(type))
        {
            // The same properties the walk checks: x-client-constant ones are the client's, not the caller's.
            if (property.Property.CanWrite && property.IsChecked)
            {
                body = Expression.AndAlso(body, Check(Expression.Property(typed, property.Property), property));
            }
        }

        var block = Expression.Block(typeof(bool), new[] { typed }, Expression.Assign(typed, Expression.Convert(input, type)), body);
        return Expression.Lambda<Func<object, bool>>(block, input).Compile();
    }

    /// <summary>Null: passes unless required. Otherwise every check the property has.</summary>
    private static Expression Check(Expression value, WireProperty property)
    {
        var underlying = Nullable.GetUnderlyingType(value.Type);
        var inner = underlying is null ? value : Expression.Property(value, nameof(Nullable<int>.Value));
        var checks = new List<Expression>();
        if (property.EnumType is { } enumType)
        {
            checks.Add(Expression.Call(typeof(CompiledCheck), nameof(IsMember), new[] { enumType }, inner));
        }

        if (property.Range is { } range)
        {
            var number = Expression.Convert(inner, typeof(double));
            checks.Add(Expression.AndAlso(Expression.GreaterThanOrEqual(number, Expression.Constant(range.Minimum)), Expression.LessThanOrEqual(number, Expression.Constant(range.Maximum))));
        }

        if (property.Pattern is { } pattern && inner.Type == typeof(string))
        {
            checks.Add(Expression.Call(Expression.Constant(pattern.Regex), nameof(System.Text.RegularExpressions.Regex.IsMatch), Type.EmptyTypes, inner));
        }

        if (property.AppendixName is { } appendix)
        {
            var values = Expression.Constant(IxBrowserAppendix.Named(appendix).Values);
            checks.Add(Expression.Call(typeof(CompiledCheck), nameof(InAppendix), Type.EmptyTypes, values, Expression.Convert(inner, typeof(object))));
        }

        if (typeof(IList<long>).IsAssignableFrom(inner.Type))
        {
            checks.Add(Expression.Call(typeof(CompiledCheck), nameof(IdsPass), Type.EmptyTypes, Expression.Convert(inner, typeof(IList<long>)), Expression.Constant(property.Required)));
        }

        if (property.IsModel)
        {
            checks.Add(Expression.Call(typeof(CompiledCheck), nameof(Passes), Type.EmptyTypes, Expression.Convert(inner, typeof(object))));
        }

        var all = checks.Aggregate((Expression)Expression.Constant(true), Expression.AndAlso);
        if (value.Type.IsValueType && underlying is null)
        {
            return all;
        }

        Expression isNull = underlying is null ? Expression.Equal(value, Expression.Constant(null, value.Type)) : Expression.Not(Expression.Property(value, nameof(Nullable<int>.HasValue)));
        return Expression.Condition(isNull, Expression.Constant(!property.Required), all);
    }

    private static bool IsMember<TEnum>(TEnum value)
        where TEnum : struct, Enum => Members<TEnum>.Values.Contains(value);

    private static bool InAppendix(IReadOnlyDictionary<string, string> values, object value) => value switch
    {
        string single => ValueRules.InAppendix(values, single),
        IEnumerable<string> items => ValueRules.FirstNotInAppendix(values, items) < 0,
        _ => true,
    };

    private static bool IdsPass(IList<long> ids, bool required) => !ValueRules.MissingIds(ids, required) && ValueRules.FirstBadId(ids) < 0;

    private static class Typed<T>
    {
        public static readonly Func<object, bool> Check = Cache.GetOrAdd(typeof(T), Compile);
    }

    private static class Members<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly HashSet<TEnum> Values = new((TEnum[])Enum.GetValues(typeof(TEnum)));
    }
}
