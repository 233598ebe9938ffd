using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Internal;

/// <summary>
/// The wire properties of a generated model, read once per type from the attributes the templates
/// generate from the spec. Validation, ToString, log masking and secret removal all walk this, so a
/// new model or property needs no code.
/// </summary>
internal static class WireModel
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<WireProperty>> Cache = new();

    public static IReadOnlyList<WireProperty> Of(Type type) => Cache.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Json: p.GetCustomAttribute<JsonPropertyAttribute>()))
            .Where(p => p.Json?.PropertyName is not null)
            .Select(p => new WireProperty(p.Property, p.Json!.PropertyName!, p.Json.Required == Required.Always))
            .ToList());

    /// <summary>A class of this library with wire properties: a generated model.</summary>
    public static bool IsModel(Type type) =>
        type.IsClass && type.Assembly == typeof(WireModel).Assembly && type != typeof(string)
        && type.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null);

    /// <summary>What the request acts on, from its x-target property, for example <c>proxy 24330</c>; null if it names none.</summary>
    public static string? TargetOf(object request)
    {
        foreach (var property in Of(request.GetType()))
        {
            if (property.TargetKind is { } kind && property.GetValue(request) is { } id)
            {
                return kind + " " + System.Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The non-empty values of every secret property of <paramref name="model"/> and the models inside it.</summary>
    public static List<string> SecretValues(object? model)
    {
        var secrets = new List<string>();
        Collect(model, secrets, depth: 0);
        return secrets;
    }

    private static void Collect(object? model, List<string> secrets, int depth)
    {
        if (model is null || depth > 8)
        {
            return;
        }

        foreach (var property in Of(model.GetType()))
        {
            var value = property.GetValue(model);
            if (property.IsSecret && value is string { Length: > 0 } secret)
            {
                secrets.Add(secret);
            }
            else if (property.IsModel)
            {
                Collect(value, secrets, depth + 1);
            }
        }
    }
}
