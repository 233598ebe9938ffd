using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>
/// Compares a parsed spec with the built library by reflection and reports every disagreement with
/// its spec location and C# member. Pure: the same checks run on the real spec (expecting none)
/// and on deliberately altered copies (expecting the drift to be named).
/// </summary>
public static class ContractChecker
{
    private static readonly Assembly Library = typeof(IxBrowserClient).Assembly;
    private static readonly Type ClientInterface = typeof(IIxBrowserClient);
    private const string Envelope = "IxBrowserResponse";

    public static IReadOnlyList<ContractDrift> Check(OpenApiDocument spec)
    {
        var drifts = new List<ContractDrift>();
        CheckOperations(spec, drifts);
        CheckSchemas(spec, drifts);
        CheckExamples(spec, drifts);
        CheckErrorCodes(spec, drifts);
        return drifts;
    }

    public static IEnumerable<(string Path, string Method, OpenApiOperation Operation)> Operations(OpenApiDocument spec) =>
        from path in spec.Paths
        from operation in path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>()
        select (path.Key, operation.Key.Method.ToLowerInvariant(), operation.Value);

    public static string OperationLocation(string path, string method) => $"#/paths/{SpecDocument.Escape(path)}/{method}";

    public static string? RefId(IOpenApiSchema? schema) => schema switch
    {
        OpenApiSchemaReference reference => reference.Reference.Id,
        { AllOf.Count: 1 } wrapper when wrapper.AllOf[0] is OpenApiSchemaReference only => only.Reference.Id,
        _ => null,
    };

    public static IEnumerable<string> EnumWireValues(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name);

    private static void CheckOperations(OpenApiDocument spec, List<ContractDrift> drifts)
    {
        var methods = ClientInterface.GetMethods();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, method, operation) in Operations(spec))
        {
            var location = OperationLocation(path, method);
            var id = operation.OperationId ?? string.Empty;
            operationIds.Add(id);
            var member = $"{ClientInterface.Name}.{id}Async";
            var matches = methods.Where(m => m.Name == id + "Async").ToList();
            if (matches.Count != 1)
            {
                drifts.Add(new(location, member, $"operation {id} needs exactly one method {id}Async on {ClientInterface.Name}; found {matches.Count}"));
                continue;
            }

            var parameters = matches[0].GetParameters();
            var bodyType = RefId(operation.RequestBody?.Content?.Values.FirstOrDefault()?.Schema);
            if (parameters.Length != 2 || parameters[0].ParameterType.Name != bodyType || parameters[1].ParameterType != typeof(CancellationToken))
            {
                drifts.Add(new(location + "/requestBody", member, $"expected ({bodyType} request, CancellationToken cancellationToken), found ({string.Join(", ", parameters.Select(p => p.ParameterType.Name + " " + p.Name))})"));
            }

            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
            {
                foreach (var (mediaType, media) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
                {
                    var responseLocation = $"{location}/responses/{status}/content/{SpecDocument.Escape(mediaType)}/schema";
                    var schemaId = RefId(media.Schema);
                    if (schemaId != Envelope)
                    {
                        drifts.Add(new(responseLocation, member, $"every response must be the shared envelope {Envelope}, found {schemaId ?? "an inline schema"}"));
                    }
                    else if (matches[0].ReturnType != typeof(Task<>).MakeGenericType(Library.GetType("IxBrowser.LocalApi." + Envelope)!))
                    {
                        drifts.Add(new(responseLocation, member, $"returns {matches[0].ReturnType.Name}, expected Task<{Envelope}>"));
                    }
                }
            }
        }

        foreach (var method in methods.Where(m => !operationIds.Contains(m.Name.EndsWith("Async", StringComparison.Ordinal) ? m.Name[..^5] : m.Name)))
        {
            drifts.Add(new("#/paths", $"{ClientInterface.Name}.{method.Name}", "no operation of the spec has this operationId"));
        }
    }

    private static void CheckSchemas(OpenApiDocument spec, List<ContractDrift> drifts)
    {
        var schemas = spec.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, schema) in schemas)
        {
            var location = $"#/components/schemas/{SpecDocument.Escape(name)}";
            var type = Library.GetType("IxBrowser.LocalApi." + name);
            if (type is null || !type.IsPublic)
            {
                drifts.Add(new(location, name, "no public type of this name in the library"));
                continue;
            }

            if (schema.Enum is { Count: > 0 } values)
            {
                CheckEnum(location + "/enum", type, values, drifts);
            }
            else if (schema.AnyOf is { Count: > 0 })
            {
                if (type.GetCustomAttribute<JsonConverterAttribute>() is null)
                {
                    drifts.Add(new(location, name, "an anyOf schema needs a hand-written type with its own JsonConverter"));
                }
            }
            else if (schema.Properties is { } properties)
            {
                CheckProperties(location, type, schema, properties, schemas, drifts);
            }
        }

        // The other direction: every serializable public model of the library is a schema of the spec.
        foreach (var type in Library.GetExportedTypes().Where(t => t.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null)))
        {
            if (!schemas.ContainsKey(type.Name))
            {
                drifts.Add(new("#/components/schemas", type.Name, "a public model with JSON properties that the spec does not define"));
            }
        }
    }

    private static void CheckEnum(string location, Type type, IList<JsonNode> values, List<ContractDrift> drifts)
    {
        if (!type.IsEnum)
        {
            drifts.Add(new(location, type.Name, "the spec enumerates values but the C# type is not an enum"));
            return;
        }

        var spec = values.Select(v => v.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var code = EnumWireValues(type).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in spec.Except(code))
        {
            drifts.Add(new(location, type.Name, $"the spec value \"{missing}\" has no member of {type.Name}"));
        }

        foreach (var extra in code.Except(spec))
        {
            var member = type.GetFields(BindingFlags.Public | BindingFlags.Static).First(f => (f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name) == extra);
            drifts.Add(new(location, $"{type.Name}.{member.Name}", $"sends \"{extra}\", which the spec does not list"));
        }
    }

    private static void CheckProperties(string location, Type type, IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> properties, IDictionary<string, IOpenApiSchema> schemas, List<ContractDrift> drifts)
    {
        var csharp = type.GetProperties()
            .Select(p => (Property: p, Json: p.GetCustomAttribute<JsonPropertyAttribute>()))
            .Where(p => p.Json is not null)
            .ToList();
        var required = schema.Required ?? new HashSet<string>();
        foreach (var (wireName, propertySchema) in properties)
        {
            var propertyLocation = $"{location}/properties/{SpecDocument.Escape(wireName)}";
            var matches = csharp.Where(p => p.Json!.PropertyName == wireName).ToList();
            if (matches.Count != 1)
            {
                drifts.Add(new(propertyLocation, $"{type.Name}.?", $"needs exactly one C# property with JSON name \"{wireName}\"; found {matches.Count}"));
                continue;
            }

            var (property, json) = matches[0];
            var member = $"{type.Name}.{property.Name}";
            var isRequired = required.Contains(wireName);
            if (isRequired != (json!.Required == Required.Always))
            {
                drifts.Add(new(propertyLocation, member, $"the spec says {(isRequired ? "required" : "optional")}, the C# property is {(json.Required == Required.Always ? "required" : "optional")} (JsonProperty.Required = {json.Required})"));
            }

            var isConstant = propertySchema.Extensions?.ContainsKey("x-client-constant") == true;
            if (isConstant == property.CanWrite)
            {
                drifts.Add(new(propertyLocation, member, isConstant ? "x-client-constant: the caller must not be able to set it" : "settable in the spec, but the C# property has no setter"));
            }

            var expected = ExpectedType(propertySchema, isRequired, schemas);
            if (expected is null)
            {
                drifts.Add(new(propertyLocation, member, "the schema's type has no C# mapping in the contract checks"));
            }
            else if (property.PropertyType != expected)
            {
                drifts.Add(new(propertyLocation, member, $"the spec's {Describe(propertySchema)} maps to {expected.Name}{(Nullable.GetUnderlyingType(expected) is { } u ? "<" + u.Name + ">" : string.Empty)}, the C# property is {property.PropertyType.Name}{(Nullable.GetUnderlyingType(property.PropertyType) is { } v ? "<" + v.Name + ">" : string.Empty)}"));
            }
        }

        foreach (var (property, json) in csharp.Where(p => !properties.ContainsKey(p.Json!.PropertyName!)))
        {
            drifts.Add(new($"{location}/properties", $"{type.Name}.{property.Name}", $"sends JSON name \"{json!.PropertyName}\", which the spec does not define"));
        }
    }

    private static Type? ExpectedType(IOpenApiSchema schema, bool required, IDictionary<string, IOpenApiSchema> schemas)
    {
        if (RefId(schema) is { } id)
        {
            var target = Library.GetType("IxBrowser.LocalApi." + id);
            if (target is null)
            {
                return null;
            }

            return target.IsValueType && !required ? typeof(Nullable<>).MakeGenericType(target) : target;
        }

        Type? basic = (schema.Type, schema.Format) switch
        {
            (JsonSchemaType.Integer, "int64") => typeof(long),
            (JsonSchemaType.Integer, _) => typeof(int),
            (JsonSchemaType.Number, "float") => typeof(float),
            (JsonSchemaType.Number, _) => typeof(double),
            (JsonSchemaType.Boolean, _) => typeof(bool),
            (JsonSchemaType.String, _) => typeof(string),
            _ => null,
        };
        return basic is { IsValueType: true } && !required ? typeof(Nullable<>).MakeGenericType(basic) : basic;
    }

    private static string Describe(IOpenApiSchema schema) =>
        RefId(schema) is { } id ? "reference to " + id : $"{schema.Type?.ToString().ToLowerInvariant() ?? "untyped"}{(schema.Format is null ? string.Empty : "/" + schema.Format)}";

    private static void CheckExamples(OpenApiDocument spec, List<ContractDrift> drifts)
    {
        foreach (var (path, method, operation) in Operations(spec))
        {
            var location = OperationLocation(path, method);
            foreach (var (mediaType, media) in operation.RequestBody?.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                var type = RefId(media.Schema) is { } id ? Library.GetType("IxBrowser.LocalApi." + id) : null;
                foreach (var (name, example) in media.Examples ?? new Dictionary<string, IOpenApiExample>())
                {
                    RoundTrip($"{location}/requestBody/content/{SpecDocument.Escape(mediaType)}/examples/{name}", type, example.Value, drifts);
                }
            }

            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
            {
                foreach (var (mediaType, media) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
                {
                    var type = RefId(media.Schema) is { } id ? Library.GetType("IxBrowser.LocalApi." + id) : null;
                    foreach (var (name, example) in media.Examples ?? new Dictionary<string, IOpenApiExample>())
                    {
                        RoundTrip($"{location}/responses/{status}/content/{SpecDocument.Escape(mediaType)}/examples/{name}", type, example.Value, drifts);
                    }
                }
            }
        }
    }

    private static void RoundTrip(string location, Type? type, JsonNode? example, List<ContractDrift> drifts)
    {
        if (type is null || example is null)
        {
            drifts.Add(new(location, type?.Name ?? "?", "example without a value or without a named schema to read it into"));
            return;
        }

        var original = JToken.Parse(example.ToJsonString());
        try
        {
            var model = JsonConvert.DeserializeObject(original.ToString(), type);
            var back = JToken.Parse(JsonConvert.SerializeObject(model));
            if (!JToken.DeepEquals(original, back))
            {
                drifts.Add(new(location, type.Name, $"does not survive a round trip: {original.ToString(Formatting.None)} came back as {back.ToString(Formatting.None)}"));
            }
        }
        catch (JsonException exception)
        {
            drifts.Add(new(location, type.Name, "does not deserialize: " + exception.Message));
        }
    }

    private static void CheckErrorCodes(OpenApiDocument spec, List<ContractDrift> drifts)
    {
        var constants = typeof(IxBrowserErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!, StringComparer.Ordinal);
        foreach (var (path, method, operation) in Operations(spec))
        {
            var location = OperationLocation(path, method) + "/x-error-codes";
            if (operation.Extensions?.TryGetValue("x-error-codes", out var extension) != true || extension is not JsonNodeExtension { Node: JsonArray codes })
            {
                drifts.Add(new(location, nameof(IxBrowserErrorCodes), "the operation documents no error codes"));
                continue;
            }

            for (var i = 0; i < codes.Count; i++)
            {
                var code = int.Parse(codes[i]!["code"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                var name = codes[i]!["name"]!.GetValue<string>();
                var description = codes[i]!["description"]?.GetValue<string>();
                var member = $"{nameof(IxBrowserErrorCodes)}.{name}";
                if (!constants.TryGetValue(name, out var value))
                {
                    drifts.Add(new($"{location}/{i}", member, $"error {code} has no constant named {name}"));
                }
                else if (value != code)
                {
                    drifts.Add(new($"{location}/{i}", member, $"is {value}, the spec says {code}"));
                }
                else if (description is not null && IxBrowserErrorCodes.GetDescription(code) != description)
                {
                    drifts.Add(new($"{location}/{i}/description", $"{nameof(IxBrowserErrorCodes)}.{nameof(IxBrowserErrorCodes.GetDescription)}({code})", $"describes it as \"{IxBrowserErrorCodes.GetDescription(code)}\", the spec as \"{description}\""));
                }
            }
        }
    }
}
