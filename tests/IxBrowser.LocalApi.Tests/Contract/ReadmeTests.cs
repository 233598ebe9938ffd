using System;
using System.IO;
using System.Linq;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>The README's table of operations follows the spec: every operation, with its path, method and retry safety.</summary>
public class ReadmeTests
{
    [Fact]
    public void The_operations_table_lists_every_operation_of_the_spec_with_its_path_and_method()
    {
        // Checked for presence (path, method, and "no" where the spec says not retry-safe): the reason
        // given in the retry column is prose, not a fact to keep in step.
        var table = File.ReadAllLines(Path.Combine(RepositoryCopy.FindRoot(), "docs", "operations.md"));
        var missing = (
            from o in ContractChecker.Operations(SpecDocument.Load().Document)
            let row = table.FirstOrDefault(line => line.StartsWith('|') && line.Contains($"`{o.Path}`", StringComparison.Ordinal))
            let retrySafe = ContractChecker.Extension(o.Operation.Extensions, "x-retry-safe")!.GetValue<bool>()
            where row is null
                || !row.Contains($"`{o.Operation.OperationId}Async`", StringComparison.Ordinal)
                || row.TrimEnd().EndsWith("| yes |", StringComparison.Ordinal) != retrySafe
            select o.Path).ToList();

        Assert.True(missing.Count == 0, "docs/operations.md's table is missing or wrong for: " + string.Join(", ", missing));
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
