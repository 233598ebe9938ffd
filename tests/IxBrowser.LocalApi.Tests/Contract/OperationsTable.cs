using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.OpenApi;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>
/// docs/operations.md's table of endpoints, made from the spec and the generated descriptors, so that
/// nobody keeps a row per endpoint in step by hand: page (x-doc-page), path, C# method, the C# type of
/// the success data (the descriptor's generic argument, so what the compiler sees) and retry safety.
/// </summary>
internal static class OperationsTable
{
    public const string Begin = "<!-- operations table: generated from the spec, do not edit; bash build/update-generated-files.sh rewrites it -->";
    public const string End = "<!-- end of the operations table -->";

    public static string Render(OpenApiDocument spec)
    {
        var text = new StringBuilder();
        text.Append("| Page | Endpoint (`POST`) | C# method | Success `Data` | Retried after a lost answer |\n");
        text.Append("| --- | --- | --- | --- | --- |\n");
        foreach (var row in Rows(spec).OrderBy(r => r.Page).ThenBy(r => r.Path, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Page:00} | `{row.Path}` | {row.Method} | {row.Data} | {(row.RetrySafe ? "yes" : "**no**")} |\n");
        }

        return text.ToString();
    }

    /// <summary>The file with its table section replaced by <paramref name="table"/>.</summary>
    public static string Replace(string document, string table)
    {
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"docs/operations.md must hold the markers {Begin} and {End}, in that order, around the table.");
        }

        return document[..(begin + Begin.Length)] + "\n" + table + document[end..];
    }

    /// <summary>The section between the markers as the file has it now.</summary>
    public static string Current(string document)
    {
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        return begin < 0 || end < begin ? string.Empty : document[(begin + Begin.Length + 1)..end];
    }

    private static IEnumerable<(int Page, string Path, string Method, string Data, bool RetrySafe)> Rows(OpenApiDocument spec)
    {
        foreach (var (path, _, operation) in ContractChecker.Operations(spec))
        {
            var id = operation.OperationId!;
            var page = ContractChecker.Extension(operation.Extensions, "x-doc-page") is { } number ? (int)number.GetValue<decimal>() : (int?)null
                ?? throw new InvalidOperationException($"{id} has no x-doc-page: give it the number of its page in the vendor's docs.");
            var descriptor = (IxBrowserOperation)typeof(IxBrowserOperations).GetField(id, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var method = $"`{id}Async`";
            if (descriptor.SuccessData.Kind == "page")
            {
                method += $"; also `{ContractChecker.EnumeratorName(id)}`";
            }

            var data = $"`{CSharpName(descriptor.GetType().GetGenericArguments()[1])}`";
            if (descriptor.SuccessData.Value is { } value)
            {
                data += descriptor.SuccessData.Kind == "string" ? $" `\"{value}\"`" : $" `{value}`";
            }

            yield return (page, path, method, data, descriptor.RetrySafe);
        }
    }

    /// <summary>
    /// A type as C# source writes it: <c>long</c>, <c>IList&lt;long&gt;</c>, <c>IxBrowserPage&lt;ProfileListItem&gt;</c>
    /// (ContractChecker's drift messages keep the runtime's names, <c>Int64</c>, which its tests pin).
    /// </summary>
    public static string CSharpName(Type type) => type switch
    {
        _ when type == typeof(long) => "long",
        _ when type == typeof(int) => "int",
        _ when type == typeof(string) => "string",
        _ when type == typeof(bool) => "bool",
        { IsGenericType: true } => $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(CSharpName))}>",
        _ => type.Name,
    };
}
