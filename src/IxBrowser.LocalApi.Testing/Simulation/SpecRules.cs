using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// What the spec says about the request bodies: required fields, JSON types and allowed values. Read
/// from the spec embedded in this assembly (the one the client is generated from), so the
/// simulator's validation follows the spec instead of a copy of it.
/// </summary>
internal sealed class SpecRules
{
    private readonly IDictionary<string, IOpenApiSchema> _schemas;

    private SpecRules(IDictionary<string, IOpenApiSchema> schemas)
    {
        _schemas = schemas;
    }

    public static SpecRules Load()
    {
        using var stream = typeof(SpecRules).Assembly.GetManifestResourceStream("ixbrowser-local-api.yaml")
            ?? throw new InvalidOperationException("The spec is not embedded in IxBrowser.LocalApi.Testing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = OpenApiDocument.Load(buffer, "yaml", settings);
        var schemas = result.Document?.Components?.Schemas ?? throw new InvalidOperationException("The embedded spec has no schemas.");
        return new SpecRules(schemas);
    }

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
