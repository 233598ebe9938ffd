using System;
using System.IO;
using System.Linq;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>The docs follow the code: the operations table is generated from the spec, the README's exception table names real types.</summary>
public class ReadmeTests
{
    [Fact]
    public void The_operations_table_is_the_one_generated_from_the_spec()
    {
        // The table is generated (OperationsTable), not kept by hand: a new endpoint's row comes from
        // its spec entry. IX_UPDATE_DOCS=1 (bash build/update-generated-files.sh) writes it instead.
        var file = Path.Combine(RepositoryCopy.FindRoot(), "docs", "operations.md");
        var document = File.ReadAllText(file).ReplaceLineEndings("\n");
        var expected = OperationsTable.Render(SpecDocument.Load().Document);
        if (Environment.GetEnvironmentVariable("IX_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(file, OperationsTable.Replace(document, expected));
            return;
        }

        Assert.True(
            OperationsTable.Current(document) == expected,
            "docs/operations.md's table is not the one the spec makes: run bash build/update-generated-files.sh and review the diff.");
    }

    [Fact]
    public void The_generated_operations_table_has_a_row_per_operation_with_its_path_method_type_and_retry_safety()
    {
        var spec = SpecDocument.Load().Document;
        var table = OperationsTable.Render(spec).Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
        var operations = ContractChecker.Operations(spec).ToList();

        Assert.Equal(47, operations.Count);
        Assert.Equal(operations.Count, table.Count);
        Assert.Equal(Enumerable.Range(1, 47).Select(p => p.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), table.Select(row => row[2..4]));
        Assert.Contains("| 01 | `/api/v2/profile-list` | `GetProfileListAsync`; also `EnumerateProfileListAsync` | `IxBrowserPage<ProfileListItem>` | yes |", table);
        Assert.Contains("| 02 | `/api/v2/profile-create` | `CreateProfileAsync` | `long` | **no** |", table);
        Assert.Contains("| 11 | `/api/v2/profile-close-in-batches` | `CloseProfilesInBatchesAsync` | `IList<long>` | yes |", table);
        Assert.Contains("| 31 | `/api/v2/group-update` | `UpdateGroupAsync` | `int` `1` | yes |", table);
        foreach (var (path, _, operation) in operations)
        {
            var row = Assert.Single(table, line => line.Contains($"| `{path}` |", StringComparison.Ordinal));
            Assert.Contains($"`{operation.OperationId}Async`", row, StringComparison.Ordinal);
            Assert.Equal(ContractChecker.Extension(operation.Extensions, "x-retry-safe")!.GetValue<bool>(), row.EndsWith("| yes |", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_table_section_is_found_only_between_its_markers()
    {
        var document = $"intro\n{OperationsTable.Begin}\n| old |\n{OperationsTable.End}\nafter\n";

        Assert.Equal("| old |\n", OperationsTable.Current(document));
        Assert.Equal($"intro\n{OperationsTable.Begin}\n| new |\n{OperationsTable.End}\nafter\n", OperationsTable.Replace(document, "| new |\n"));
        var error = Assert.Throws<InvalidOperationException>(() => OperationsTable.Replace("no markers", "| new |\n"));
        Assert.Contains("markers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exception_table_says_which_exceptions_derive_from_IxBrowserException_and_names_the_others()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryCopy.FindRoot(), "README.md"));
        var section = readme[readme.IndexOf("## Error handling", StringComparison.Ordinal)..readme.IndexOf("```csharp", readme.IndexOf("## Error handling", StringComparison.Ordinal), StringComparison.Ordinal)];
        var listed = System.Text.RegularExpressions.Regex.Matches(section, @"^\| `(\w+)`", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var intro = section[..section.IndexOf("| Exception", StringComparison.Ordinal)];

        Assert.NotEmpty(listed);
        foreach (var name in listed)
        {
            var type = typeof(IxBrowserException).Assembly.GetType("IxBrowser.LocalApi." + name) ?? Type.GetType("System." + name, throwOnError: true)!;
            if (!typeof(IxBrowserException).IsAssignableFrom(type))
            {
                // Not one of ours: the text before the table must say so by name.
                Assert.Contains($"`{name}`", intro, StringComparison.Ordinal);
            }
        }
    }
}
