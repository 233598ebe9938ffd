using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Serialization;
using IxBrowser.LocalApi.Validation;
using Microsoft.OpenApi;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>
/// Compares a parsed spec with the built library by reflection and reports every disagreement with
/// its spec location and C# member. Pure: the same checks run on the real spec (expecting none)
/// and on deliberately altered copies (expecting the drift to be named). It walks whatever the spec
/// holds: no operation, schema or code is named here.
/// </summary>
public static class ContractChecker
{
    public const string Envelope = "IxBrowserResponse";
    private static readonly Assembly Library = typeof(IxBrowserClient).Assembly;
    private static readonly Type ClientInterface = typeof(IIxBrowserClient);

    public static IReadOnlyList<ContractDrift> Check(OpenApiDocument spec)
    {
        var drifts = new List<ContractDrift>();
        CheckOperations(spec, drifts);
        CheckSchemas(spec, drifts);
        CheckSchemaUse(spec, drifts);
        CheckExamples(spec, drifts);
        CheckErrorCatalogue(spec, drifts);
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

    /// <summary>An example's JSON text, with Microsoft.OpenApi's null sentinel (how it stores a YAML null) written as null.</summary>
    public static string JsonText(JsonNode node) => node.ToJsonString().Replace(JsonNullSentinel.JsonNull.ToJsonString(), "null");

    public static JsonNode? Extension(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        extensions?.TryGetValue(name, out var extension) == true && extension is JsonNodeExtension { Node: var node } ? node : null;

    /// <summary>The C# type of an operation's success data, from its x-success-data; null if it is missing or not understood.</summary>
    public static Type? SuccessDataType(OpenApiOperation operation) => Extension(operation.Extensions, "x-success-data") is JsonObject data
        ? (string?)data["kind"] switch
        {
            "int32" => typeof(int),
            "int64" => typeof(long),
            "string" => typeof(string),
            "boolean" => typeof(bool),
            "object" => Library.GetType("IxBrowser.LocalApi." + (string?)data["schema"]),
            "page" => Library.GetType("IxBrowser.LocalApi." + (string?)data["items"]) is { } item ? typeof(IxBrowserPage<>).MakeGenericType(item) : null,
            "none" => typeof(IxBrowserNoData),
            "json-text-list" => Library.GetType("IxBrowser.LocalApi." + (string?)data["items"]) is { } texted ? typeof(JsonTextList<>).MakeGenericType(texted) : null,
            "list" when (string?)data["items"] == "int64" => typeof(IList<long>),
            "list" => Library.GetType("IxBrowser.LocalApi." + (string?)data["items"]) is { } listed ? typeof(IList<>).MakeGenericType(listed) : null,
            _ => null,
        }
        : null;

    /// <summary>The codes an operation documents, with each NNNxxx family expanded by the library's own IxBrowserErrorCodes.Expand.</summary>
    public static IEnumerable<int> DocumentedCodes(OpenApiDocument spec, OpenApiOperation operation) =>
        IxBrowserErrorCodes.Expand(ListedCodes(operation));

    /// <summary>x-error-codes as the spec lists them (numbers and NNNxxx families).</summary>
    public static IReadOnlyList<string> ListedCodes(OpenApiOperation operation) =>
        (Extension(operation.Extensions, "x-error-codes") as JsonArray ?? new JsonArray()).Select(listed => listed!.ToJsonString().Trim('"')).ToList();

    public static IReadOnlyList<(int Code, string Name, string Description, bool Transient, bool NotApplied)> Catalogue(OpenApiDocument spec) =>
        (Extension(spec.Extensions, "x-error-catalogue") as JsonArray ?? new JsonArray())
            .Select(e => (int.Parse(e!["code"]!.ToJsonString(), CultureInfo.InvariantCulture), (string)e["name"]!, (string)e["description"]!, (bool?)e["transient"] ?? false, (bool?)e["not-applied"] ?? false))
            .ToList();

    public static IEnumerable<string> EnumWireValues(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? Convert.ToInt64(f.GetValue(null), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));

    private static void CheckOperations(OpenApiDocument spec, List<ContractDrift> drifts)
    {
        var methods = ClientInterface.GetMethods();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var enumerators = new HashSet<string>(StringComparer.Ordinal);
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
                    if (RefId(media.Schema) != Envelope)
                    {
                        drifts.Add(new($"{location}/responses/{status}/content/{SpecDocument.Escape(mediaType)}/schema", member, $"every response must be the shared envelope {Envelope}, found {RefId(media.Schema) ?? "an inline schema"}"));
                    }
                }
            }

            CheckOperationFacts(spec, location, id, operation, matches[0], drifts);
            if (SuccessDataType(operation) is { IsGenericType: true } page && page.GetGenericTypeDefinition() == typeof(IxBrowserPage<>))
            {
                enumerators.Add(CheckEnumerator(location, id, matches[0], page.GetGenericArguments()[0], drifts));
            }
        }

        foreach (var method in methods.Where(m => !operationIds.Contains(m.Name.EndsWith("Async", StringComparison.Ordinal) ? m.Name[..^5] : m.Name) && !enumerators.Contains(m.Name)))
        {
            drifts.Add(new("#/paths", $"{ClientInterface.Name}.{method.Name}", "no operation of the spec has this operationId"));
        }
    }

    /// <summary>A list operation (x-success-data kind page) also has Enumerate{Name without Get}Async, with the same request, yielding its items.</summary>
    public static string EnumeratorName(string operationId) =>
        "Enumerate" + (operationId.StartsWith("Get", StringComparison.Ordinal) ? operationId[3..] : operationId) + "Async";

    private static string CheckEnumerator(string location, string id, MethodInfo operationMethod, Type item, List<ContractDrift> drifts)
    {
        var name = EnumeratorName(id);
        var enumerator = ClientInterface.GetMethod(name);
        var request = operationMethod.GetParameters()[0].ParameterType;
        if (enumerator is null
            || enumerator.ReturnType != typeof(IAsyncEnumerable<>).MakeGenericType(item)
            || !enumerator.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { request, typeof(CancellationToken) }))
        {
            drifts.Add(new(location + "/x-success-data", $"{ClientInterface.Name}.{name}", $"a list operation needs IAsyncEnumerable<{item.Name}> {name}({request.Name} request, CancellationToken cancellationToken)"));
        }

        if (!typeof(IPagedRequest).IsAssignableFrom(request))
        {
            drifts.Add(new(location + "/requestBody", request.Name, "the request of a list operation needs page and limit (IPagedRequest)"));
        }

        return name;
    }

    private static void CheckOperationFacts(OpenApiDocument spec, string location, string id, OpenApiOperation operation, MethodInfo method, List<ContractDrift> drifts)
    {
        var member = $"{ClientInterface.Name}.{id}Async";
        var dataType = SuccessDataType(operation);
        if (dataType is null)
        {
            drifts.Add(new(location + "/x-success-data", member, "the operation declares no success data the contract understands (kind int32, int64, string, boolean, or object with a schema)"));
        }
        else if (method.ReturnType != typeof(Task<>).MakeGenericType(typeof(IxBrowserResponse<>).MakeGenericType(dataType)))
        {
            drifts.Add(new(location + "/x-success-data", member, $"returns {Describe(method.ReturnType)}, the spec's success data makes it Task<IxBrowserResponse<{dataType.Name}>>"));
        }

        var descriptor = typeof(IxBrowserOperations).GetField(id, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IxBrowserOperation;
        if (descriptor is null)
        {
            drifts.Add(new(location, $"IxBrowserOperations.{id}", "no generated operation descriptor"));
            return;
        }

        var retrySafe = Extension(operation.Extensions, "x-retry-safe") is JsonValue value && value.GetValue<bool>();
        if (Extension(operation.Extensions, "x-retry-safe") is null)
        {
            drifts.Add(new(location + "/x-retry-safe", $"IxBrowserOperations.{id}", "the operation does not say whether it is safe to send again (x-retry-safe)"));
        }
        else if (descriptor.RetrySafe != retrySafe)
        {
            drifts.Add(new(location + "/x-retry-safe", $"IxBrowserOperations.{id}.RetrySafe", $"is {descriptor.RetrySafe}, the spec says {retrySafe}"));
        }

        if (descriptor.Path != location.Split('/')[2].Replace("~1", "/", StringComparison.Ordinal))
        {
            drifts.Add(new(location, $"IxBrowserOperations.{id}.Path", $"is {descriptor.Path}"));
        }

        var codes = DocumentedCodes(spec, operation).ToList();
        // An empty list is a fact (the page documents none, so only the any-operation codes apply); a missing one is not.
        if (Extension(operation.Extensions, "x-error-codes") is not JsonArray)
        {
            drifts.Add(new(location + "/x-error-codes", $"IxBrowserOperations.{id}", "the operation documents no error codes"));
        }

        var catalogued = Catalogue(spec).Select(e => e.Code).ToHashSet();
        foreach (var unknown in codes.Where(c => !catalogued.Contains(c)))
        {
            drifts.Add(new(location + "/x-error-codes", $"IxBrowserOperations.{id}", $"lists {unknown}, which the x-error-catalogue does not define"));
        }

        if (!codes.SequenceEqual(descriptor.DocumentedErrorCodes))
        {
            drifts.Add(new(location + "/x-error-codes", $"IxBrowserOperations.{id}.DocumentedErrorCodes", $"are [{string.Join(", ", descriptor.DocumentedErrorCodes)}], the spec's expand to [{string.Join(", ", codes)}]"));
        }
    }

    /// <summary>Every component schema is used: by a request or response, through another schema, or named by an x-success-data.</summary>
    private static void CheckSchemaUse(OpenApiDocument spec, List<ContractDrift> drifts)
    {
        var schemas = spec.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Use(string? name)
        {
            if (name is not null && schemas.TryGetValue(name, out var schema) && used.Add(name))
            {
                Visit(schema);
            }
        }

        void Visit(IOpenApiSchema? schema)
        {
            if (schema is OpenApiSchemaReference reference)
            {
                Use(reference.Reference.Id);
                return;
            }

            foreach (var part in (schema?.AllOf ?? new List<IOpenApiSchema>()).Concat(schema?.AnyOf ?? new List<IOpenApiSchema>()).Concat(schema?.OneOf ?? new List<IOpenApiSchema>()).Concat(schema?.Properties?.Values ?? new List<IOpenApiSchema>()))
            {
                Visit(part);
            }

            if (schema?.Items is { } items)
            {
                Visit(items);
            }
        }

        foreach (var (_, _, operation) in Operations(spec))
        {
            foreach (var media in (operation.RequestBody?.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>()).Concat((operation.Responses ?? new OpenApiResponses()).Values.SelectMany(r => r.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())))
            {
                Visit(media.Schema);
            }

            if (Extension(operation.Extensions, "x-success-data") is JsonObject data)
            {
                Use((string?)data["schema"]);
                Use((string?)data["items"]);
            }
        }

        foreach (var name in schemas.Keys.Where(n => !used.Contains(n)))
        {
            drifts.Add(new($"#/components/schemas/{SpecDocument.Escape(name)}", name, "no operation uses this schema (by $ref, or as x-success-data schema or items)"));
        }
    }

    private static void CheckSchemas(OpenApiDocument spec, List<ContractDrift> drifts)
    {
        var schemas = spec.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, schema) in schemas)
        {
            var location = $"#/components/schemas/{SpecDocument.Escape(name)}";
            if (IsPrimitive(schema))
            {
                // A named integer or string (PageNumber): the generator inlines it where it is used.
                continue;
            }

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
                // The envelope's data is typed per operation: it lives on IxBrowserResponse<TData>.
                var properties2 = name == Envelope ? properties.Where(p => p.Key != "data").ToDictionary(p => p.Key, p => p.Value) : properties;
                CheckProperties(location, type, schema, properties2, drifts);
                if (name == Envelope && (!properties.ContainsKey("data") || typeof(IxBrowserResponse<>).GetProperty("Data")?.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName != "data"))
                {
                    drifts.Add(new(location + "/properties/data", "IxBrowserResponse<TData>.Data", "the envelope's typed data must be the wire's data"));
                }
            }
        }

        // The other direction: every serializable public model of the library is a schema of the spec.
        foreach (var type in Library.GetExportedTypes().Where(t => !t.IsGenericType && t.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null)))
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

        // String enums compare by [EnumMember] wire value, integer enums by number.
        var spec = values.Select(v => v.ToJsonString().Trim('"')).ToHashSet(StringComparer.Ordinal);
        var code = EnumWireValues(type).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in spec.Except(code))
        {
            drifts.Add(new(location, type.Name, $"the spec value \"{missing}\" has no member of {type.Name}"));
        }

        foreach (var extra in code.Except(spec))
        {
            var member = type.GetFields(BindingFlags.Public | BindingFlags.Static).First(f => EnumWireValues(type).ElementAt(Array.IndexOf(type.GetFields(BindingFlags.Public | BindingFlags.Static), f)) == extra);
            drifts.Add(new(location, $"{type.Name}.{member.Name}", $"sends \"{extra}\", which the spec does not list"));
        }

        if (Enum.GetValues(type).Cast<object>().Any(v => Convert.ToInt64(v, CultureInfo.InvariantCulture) == 0) && values.All(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String))
        {
            drifts.Add(new(location, type.Name, "a string enum must start at 1 so that default means \"not set\""));
        }
    }

    private static void CheckProperties(string location, Type type, IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> properties, List<ContractDrift> drifts)
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

            CheckGeneratedFacts(propertyLocation, member, propertySchema, property, drifts);
            var expected = ExpectedType(propertySchema, isRequired);
            if (expected is null)
            {
                drifts.Add(new(propertyLocation, member, "the schema's type has no C# mapping in the contract checks"));
            }
            else if (property.PropertyType != expected)
            {
                drifts.Add(new(propertyLocation, member, $"the spec's {Describe(propertySchema)} maps to {Describe(expected)}, the C# property is {Describe(property.PropertyType)}"));
            }
        }

        foreach (var (property, json) in csharp.Where(p => !properties.ContainsKey(p.Json!.PropertyName!)))
        {
            drifts.Add(new($"{location}/properties", $"{type.Name}.{property.Name}", $"sends JSON name \"{json!.PropertyName}\", which the spec does not define"));
        }
    }

    /// <summary>x-secret, pattern, minimum and maximum must reach the attributes the client acts on.</summary>
    private static void CheckGeneratedFacts(string location, string member, IOpenApiSchema schema, PropertyInfo property, List<ContractDrift> drifts)
    {
        var secret = Extension(schema.Extensions, "x-secret") is JsonValue flag && flag.GetValue<bool>();
        if (secret != (property.GetCustomAttribute<SecretAttribute>() is not null))
        {
            drifts.Add(new(location + "/x-secret", member, secret ? "the spec marks it secret, the C# property is not [Secret]" : "[Secret] in C#, not x-secret in the spec"));
        }

        // A wire format's pattern describes the string on the wire; its converter enforces it, not validation.
        var pattern = Extension(schema.Extensions, "x-wire-format") is null ? Resolve(schema).Pattern : null;
        if (pattern != property.GetCustomAttribute<WirePatternAttribute>()?.Regex.ToString())
        {
            drifts.Add(new(location + "/pattern", member, $"the spec's pattern is {pattern ?? "none"}, the C# property checks {property.GetCustomAttribute<WirePatternAttribute>()?.Regex.ToString() ?? "none"}"));
        }

        var range = property.GetCustomAttribute<WireRangeAttribute>();
        var minimum = Resolve(schema).Minimum is { } min ? double.Parse(min, CultureInfo.InvariantCulture) : (double?)null;
        var maximum = Resolve(schema).Maximum is { } max ? double.Parse(max, CultureInfo.InvariantCulture) : (double?)null;
        if ((minimum is not null || maximum is not null) != (range is not null)
            || (range is not null && ((minimum is { } a && a != range.Minimum) || (maximum is { } b && b != range.Maximum))))
        {
            drifts.Add(new(location + "/minimum", member, $"the spec's range is [{minimum?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {maximum?.ToString(CultureInfo.InvariantCulture) ?? "-"}], the C# property checks {(range is null ? "none" : $"[{range.Minimum}, {range.Maximum}]")}"));
        }
    }

    private static IOpenApiSchema Resolve(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference reference => reference.Target ?? schema,
        { AllOf.Count: 1 } wrapper when wrapper.AllOf[0] is OpenApiSchemaReference { Target: { } target } && IsPrimitive(target) => target,
        _ => schema,
    };

    private static bool IsPrimitive(IOpenApiSchema schema) =>
        schema.Type is JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.String or JsonSchemaType.Boolean && schema.Enum is not { Count: > 0 };

    private static Type? ExpectedType(IOpenApiSchema schema, bool required)
    {
        if (Extension(schema.Extensions, "x-wire-format") is JsonValue wireFormat)
        {
            // A string on the wire, a .NET type in C# (its converter is named in Class.liquid).
            return (string?)wireFormat switch
            {
                "id-list" or "id-strings" => typeof(IList<long>),
                "json-text" => Extension(schema.Extensions, "x-json-items") is JsonValue items && Library.GetType("IxBrowser.LocalApi." + (string?)items) is { } item ? typeof(JsonTextList<>).MakeGenericType(item) : null,
                "decimal" => typeof(decimal?),
                _ => null,
            };
        }

        if (schema is OpenApiSchemaReference { Target: { } primitive } && IsPrimitive(primitive))
        {
            return ExpectedType(primitive, required);
        }

        if (schema is { AllOf.Count: 1 } wrapper && wrapper.AllOf[0] is OpenApiSchemaReference { Target: { } wrapped } && IsPrimitive(wrapped))
        {
            return ExpectedType(wrapped, required);
        }

        if (RefId(schema) is { } id)
        {
            var target = Library.GetType("IxBrowser.LocalApi." + id);
            return target is null ? null : target.IsValueType && !required ? typeof(Nullable<>).MakeGenericType(target) : target;
        }

        if (schema.Type == JsonSchemaType.Array)
        {
            return schema.Items is { } items && ExpectedType(items, required: true) is { } item ? typeof(IList<>).MakeGenericType(item) : null;
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

    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name.Split('`')[0]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;

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

            var dataType = SuccessDataType(operation);
            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
            {
                foreach (var (mediaType, media) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
                {
                    foreach (var (name, example) in media.Examples ?? new Dictionary<string, IOpenApiExample>())
                    {
                        ReadEnvelope($"{location}/responses/{status}/content/{SpecDocument.Escape(mediaType)}/examples/{name}", dataType, example.Value, drifts);
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

        var original = JToken.Parse(JsonText(example));
        try
        {
            var model = JsonConvert.DeserializeObject(original.ToString(), type);
            var back = JToken.Parse(WireJson.Serialize(model!));
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

    /// <summary>A response example must read as the operation's envelope: a success with data of its type, or an error code.</summary>
    private static void ReadEnvelope(string location, Type? dataType, JsonNode? example, List<ContractDrift> drifts)
    {
        if (dataType is null || example is null)
        {
            return;
        }

        var envelope = typeof(IxBrowserResponse<>).MakeGenericType(dataType);
        try
        {
            var response = (IxBrowserResponse)typeof(WireJson).GetMethod(nameof(WireJson.Deserialize))!.MakeGenericMethod(envelope).Invoke(null, new object[] { JsonText(example) })!;
            var data = response;
            if (response.Status.Code == 0 && !data.IsSuccess)
            {
                drifts.Add(new(location, $"IxBrowserResponse<{dataType.Name}>", $"a success whose data is {data.DataMismatch ?? "absent"}, not the operation's x-success-data"));
            }
        }
        catch (TargetInvocationException exception) when (exception.InnerException is JsonException inner)
        {
            drifts.Add(new(location, $"IxBrowserResponse<{dataType.Name}>", "does not deserialize: " + inner.Message));
        }
    }

    private static void CheckErrorCatalogue(OpenApiDocument spec, List<ContractDrift> drifts)
    {
        const string location = "#/x-error-catalogue";
        var constants = typeof(IxBrowserErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!, StringComparer.Ordinal);
        var catalogue = Catalogue(spec);
        if (catalogue.Count == 0)
        {
            drifts.Add(new(location, nameof(IxBrowserErrorCodes), "the spec has no error catalogue"));
        }

        for (var i = 0; i < catalogue.Count; i++)
        {
            var (code, name, description, transient, notApplied) = catalogue[i];
            var member = $"{nameof(IxBrowserErrorCodes)}.{name}";
            if (!constants.TryGetValue(name, out var value))
            {
                drifts.Add(new($"{location}/{i}", member, $"error {code} has no constant named {name}"));
            }
            else if (value != code)
            {
                drifts.Add(new($"{location}/{i}", member, $"is {value}, the spec says {code}"));
            }

            if (IxBrowserErrorCodes.GetDescription(code) != description)
            {
                drifts.Add(new($"{location}/{i}/description", $"{nameof(IxBrowserErrorCodes)}.{nameof(IxBrowserErrorCodes.GetDescription)}({code})", $"describes it as \"{IxBrowserErrorCodes.GetDescription(code)}\", the spec as \"{description}\""));
            }

            if (IxBrowserErrorCodes.IsNotApplied(code) != notApplied)
            {
                drifts.Add(new($"{location}/{i}/not-applied", $"{nameof(IxBrowserErrorCodes)}.{nameof(IxBrowserErrorCodes.IsNotApplied)}({code})", $"is {IxBrowserErrorCodes.IsNotApplied(code)}, the spec says {notApplied}"));
            }

            if (IxBrowserErrorCodes.IsTransient(code) != transient)
            {
                drifts.Add(new($"{location}/{i}/transient", $"{nameof(IxBrowserErrorCodes)}.{nameof(IxBrowserErrorCodes.IsTransient)}({code})", $"is {IxBrowserErrorCodes.IsTransient(code)}, the spec says {transient}"));
            }
        }

        foreach (var extra in constants.Keys.Except(catalogue.Select(e => e.Name)))
        {
            drifts.Add(new(location, $"{nameof(IxBrowserErrorCodes)}.{extra}", "a constant the catalogue does not define"));
        }
    }
}
