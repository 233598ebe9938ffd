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
        var readme = File.ReadAllLines(Path.Combine(RepositoryCopy.FindRoot(), "README.md"));
        var missing = (
            from o in ContractChecker.Operations(SpecDocument.Load().Document)
            let row = readme.FirstOrDefault(line => line.StartsWith('|') && line.Contains($"`{o.Path}`", StringComparison.Ordinal))
            let retrySafe = ContractChecker.Extension(o.Operation.Extensions, "x-retry-safe")!.GetValue<bool>()
            where row is null
                || !row.Contains($"`{o.Operation.OperationId}Async`", StringComparison.Ordinal)
                || row.TrimEnd().EndsWith(retrySafe ? "| yes |" : "(a create) |", StringComparison.Ordinal) == false
            select o.Path).ToList();

        Assert.True(missing.Count == 0, "README.md's operations table is missing or wrong for: " + string.Join(", ", missing));
    }
}
