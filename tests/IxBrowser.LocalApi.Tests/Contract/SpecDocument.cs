using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>The spec, read by a real OpenAPI parser (Microsoft.OpenApi with its YAML reader).</summary>
public sealed class SpecDocument
{
    private SpecDocument(OpenApiDocument document, OpenApiDiagnostic diagnostic)
    {
        Document = document;
        Diagnostic = diagnostic;
    }

    public OpenApiDocument Document { get; }

    public OpenApiDiagnostic Diagnostic { get; }

    /// <summary>The spec the library was built from (copied next to the test binaries).</summary>
    public static string SpecPath => Path.Combine(AppContext.BaseDirectory, "spec", "ixbrowser-local-api.yaml");

    public static string ReadSpecText() => File.ReadAllText(SpecPath);

    public static SpecDocument Load() => Parse(ReadSpecText());

    public static SpecDocument Parse(string yaml)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(yaml));
        var result = OpenApiDocument.Load(stream, "yaml", settings);
        if (result.Document is null)
        {
            var errors = string.Join("; ", result.Diagnostic?.Errors.Select(e => e.ToString()) ?? Array.Empty<string>());
            throw new InvalidOperationException("The spec did not parse: " + errors);
        }

        return new SpecDocument(result.Document, result.Diagnostic ?? new OpenApiDiagnostic());
    }

    /// <summary>A JSON Pointer segment: '~' and '/' escaped as RFC 6901 says.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
