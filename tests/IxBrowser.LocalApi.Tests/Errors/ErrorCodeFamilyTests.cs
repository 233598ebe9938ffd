using System;
using System.Linq;

namespace IxBrowser.LocalApi.Tests.Errors;

/// <summary>The spec's error-code families (NNNxxx), read in one place: IxBrowserErrorCodes.Expand.</summary>
public class ErrorCodeFamilyTests
{
    [Fact]
    public void A_family_stands_for_every_six_digit_catalogue_code_with_its_digits_and_a_number_for_itself()
    {
        var codes = IxBrowserErrorCodes.Expand(["1000", "112xxx"]);

        Assert.Equal([1000, 112001, 112002, 112003, 112004, 112005, 112006], codes);
    }

    [Fact]
    public void A_family_without_codes_or_an_entry_that_is_not_a_code_is_refused_by_name()
    {
        var family = Assert.Throws<FormatException>(() => IxBrowserErrorCodes.Expand(["999xxx"]));
        var text = Assert.Throws<FormatException>(() => IxBrowserErrorCodes.Expand(["10x0"]));

        Assert.Contains("999xxx matches no code", family.Message, StringComparison.Ordinal);
        Assert.Contains("\"10x0\" is neither a number nor a family", text.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_operation_lists_codes_that_expand()
    {
        var operations = typeof(IxBrowserOperations).GetFields().Select(f => (IxBrowserOperation)f.GetValue(null)!).ToList();

        Assert.Equal(47, operations.Count);
        Assert.All(operations, operation => Assert.Equal(operation.ListedErrorCodes.Count(c => !c.EndsWith("xxx", StringComparison.Ordinal)), operation.DocumentedErrorCodes.Count(c => c < 100000 || operation.ListedErrorCodes.Contains(c.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
    }
}
