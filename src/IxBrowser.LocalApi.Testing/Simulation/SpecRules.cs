using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// What the spec says about the request bodies: required fields, JSON types and allowed values. Read
/// from the spec embedded in this assembly (the one the client is generated from), so the
/// simulator's validation follows the spec instead of a copy of it.
/// </summary>
internal sealed class SpecRules
{
    private readonly IDictionary<string, IOpenApiSchema> _schemas;

    private SpecRules(IDictionary<string, IOpenApiSchema> schemas, IReadOnlyList<SpecOperation> operations)
    {
        _schemas = schemas;
        Operations = operations;
    }

    /// <summary>Every operation of the spec: the simulator serves each one.</summary>
    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>The wire names of every property the spec marks x-secret, in any schema: the client's marking.</summary>
    public IReadOnlyCollection<string> SecretWireNames => _schemas.Values
        .SelectMany(schema => Resolve(schema).Properties ?? new Dictionary<string, IOpenApiSchema>())
        .Where(property => property.Value.Extensions?.TryGetValue("x-secret", out var flag) == true && flag is JsonNodeExtension { Node: System.Text.Json.Nodes.JsonValue value } && value.GetValue<bool>())
        .Select(property => property.Key)
        .ToHashSet(StringComparer.Ordinal);

    public static SpecRules Load()
    {
        using var stream = typeof(SpecRules).Assembly.GetManifestResourceStream("ixbrowser-local-api.yaml")
            ?? throw new InvalidOperationException("The spec is not embedded in IxBrowser.LocalApi.Testing.");
        using var text = new StreamReader(stream);
        return Parse(text.ReadToEnd());
    }

    /// <summary>Reads a spec from its YAML text (the embedded one, or an altered copy in tests).</summary>
    public static SpecRules Parse(string yaml)
    {
        using var buffer = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = OpenApiDocument.Load(buffer, "yaml", settings);
        var schemas = result.Document?.Components?.Schemas ?? throw new InvalidOperationException("The embedded spec has no schemas.");
        var operations = (
            from path in result.Document.Paths
            from operation in path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>()
            let media = operation.Value.RequestBody?.Content?["application/json"]
            let example = operation.Value.Responses?["200"].Content?["application/json"].Examples?["success"].Value
            select new SpecOperation(
                operation.Value.OperationId ?? throw new InvalidOperationException($"{path.Key} has no operationId."),
                path.Key,
                (media?.Schema as OpenApiSchemaReference)?.Reference.Id ?? throw new InvalidOperationException($"{path.Key} has no named request schema."),
                // A success without data (profile-close's example has no "data" at all) answers data: null.
                example is null ? throw new InvalidOperationException($"{path.Key} has no success example (responses/200/content/application/json/examples/success).")
                    : example["data"] is { } data ? JsonOf(data) : JValue.CreateNull(),
                AlternatePaths(operation.Value)))
            .ToList();
        return new SpecRules(schemas, operations);
    }

    /// <summary>
    /// An example's JSON as Newtonsoft reads it. Microsoft.OpenApi stores a YAML null as a sentinel
    /// string (JsonNullSentinel); it is turned back into null here, so <c>data: null</c> answers null.
    /// </summary>
    public static JToken JsonOf(System.Text.Json.Nodes.JsonNode node) =>
        IxBrowser.LocalApi.Serialization.WireJson.Parse(node.ToJsonString().Replace(NullSentinel, "null"));

    private static readonly string NullSentinel = JsonNullSentinel.JsonNull.ToJsonString();

    private static IReadOnlyList<string> AlternatePaths(OpenApiOperation operation) =>
        operation.Extensions?.TryGetValue("x-alternate-paths", out var extension) == true && extension is JsonNodeExtension { Node: System.Text.Json.Nodes.JsonArray paths }
            ? paths.Select(p => p!.GetValue<string>()).ToList()
            : Array.Empty<string>();

    /// <summary>
    /// The spec's own checks of a body against a schema (required, JSON type, enum, minimum,
    /// maximum, pattern, nested objects); null when it passes. The simulator answers 1000 for a
    /// failure, as ixBrowser does for a parameter it cannot use.
    /// </summary>
    public string? FirstViolation(string schema, JToken? body) => Violation(Schema(schema), body, "$");

    private static string? Violation(IOpenApiSchema schema, JToken? value, string at)
    {
        schema = Resolve(schema);
        if (value is null || value.Type == JTokenType.Null)
        {
            return null;
        }

        var type = schema.Type;
        if (type is { } expected && !HasType(value, expected))
        {
            return $"{at} is not of type {expected}";
        }

        if (schema.Enum is { Count: > 0 } allowed && !allowed.Any(a => JToken.DeepEquals(JToken.Parse(a.ToJsonString()), value)))
        {
            return $"{at} is not one of the allowed values";
        }

        if (value.Type is JTokenType.Integer or JTokenType.Float)
        {
            var number = (decimal)value;
            if ((schema.Minimum is { } min && number < decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture))
                || (schema.Maximum is { } max && number > decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture)))
            {
                return $"{at} is out of range";
            }
        }

        if (value.Type == JTokenType.String && schema.Pattern is { } pattern && !System.Text.RegularExpressions.Regex.IsMatch((string)value!, pattern))
        {
            return $"{at} does not match its pattern";
        }

        if (value is JObject body && schema.Properties is { } properties)
        {
            foreach (var required in schema.Required ?? new HashSet<string>())
            {
                if (body[required] is null or { Type: JTokenType.Null })
                {
                    return $"{at}.{required} is required";
                }
            }

            foreach (var (name, property) in properties)
            {
                if (Violation(property, body[name], at + "." + name) is { } inner)
                {
                    return inner;
                }
            }
        }

        if (value is JArray items && schema.Items is { } itemSchema)
        {
            return items.Select((item, i) => Violation(itemSchema, item, $"{at}[{i}]")).FirstOrDefault(v => v is not null);
        }

        return null;
    }

    private static bool HasType(JToken value, JsonSchemaType expected) =>
        (expected.HasFlag(JsonSchemaType.String) && value.Type == JTokenType.String)
        || (expected.HasFlag(JsonSchemaType.Integer) && value.Type == JTokenType.Integer)
        || (expected.HasFlag(JsonSchemaType.Number) && value.Type is JTokenType.Integer or JTokenType.Float)
        || (expected.HasFlag(JsonSchemaType.Boolean) && value.Type == JTokenType.Boolean)
        || (expected.HasFlag(JsonSchemaType.Object) && value.Type == JTokenType.Object)
        || (expected.HasFlag(JsonSchemaType.Array) && value.Type == JTokenType.Array);

    /// <summary>The integer default of a named schema (PageNumber, PageSize), as the spec documents it.</summary>
    public int IntegerDefault(string schema) =>
        (int?)Schema(schema).Default?.GetValue<decimal>() ?? throw new InvalidOperationException($"The spec's {schema} has no default.");

    public IReadOnlyCollection<string> Properties(string schema) => (IReadOnlyCollection<string>?)Schema(schema).Properties?.Keys.ToList() ?? Array.Empty<string>();

    public bool IsRequired(string schema, string property) => Schema(schema).Required?.Contains(property) == true;

    /// <summary>The allowed values of an enumerated property (through its allOf/$ref), or null if it is not enumerated.</summary>
    public IReadOnlyCollection<string>? AllowedValues(string schema, string property)
    {
        var target = Resolve(Schema(schema).Properties![property]);
        return target.Enum is { Count: > 0 } values ? values.Select(v => v.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : null;
    }

    public JsonSchemaType? JsonType(string schema, string property) => Resolve(Schema(schema).Properties![property]).Type;

    /// <summary>Fails loudly when the spec has a property the simulator does not handle, or lost one it does.</summary>
    public void EnsureHandled(string schema, IEnumerable<string> handled)
    {
        var known = new HashSet<string>(handled, StringComparer.Ordinal);
        var spec = new HashSet<string>(Properties(schema), StringComparer.Ordinal);
        if (!known.SetEquals(spec))
        {
            throw new InvalidOperationException(
                $"The simulator and the spec disagree on {schema}: the spec has [{string.Join(", ", spec.Except(known))}] unhandled and lacks [{string.Join(", ", known.Except(spec))}]. Update IxBrowserSimulator with the spec.");
        }
    }

    private IOpenApiSchema Schema(string name) =>
        _schemas.TryGetValue(name, out var schema) ? schema : throw new InvalidOperationException($"The spec has no schema {name}.");

    private static IOpenApiSchema Resolve(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference reference => reference.Target ?? schema,
        { AllOf.Count: 1 } wrapper => Resolve(wrapper.AllOf[0]),
        _ => schema,
    };
}
