using System.Linq;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>x-success-data in words (IxBrowserSuccessData.Describe): the generator emits the spec's facts, C# says what they mean.</summary>
public class SuccessDataTests
{
    [Theory]
    [InlineData("int32", null, null, "1", "the integer 1")]
    [InlineData("string", null, null, "success", "the string \"success\"")]
    [InlineData("int64", null, null, null, "an integer")]
    [InlineData("string", null, null, null, "a string")]
    [InlineData("boolean", null, null, null, "a boolean")]
    [InlineData("object", null, "OpenProfileResult", null, "an object (OpenProfileResult)")]
    [InlineData("page", "ProxyListItem", null, null, "a page of ProxyListItem ({total, data: [...]})")]
    [InlineData("list", "int64", null, null, "an array of ids (numbers or digit strings)")]
    [InlineData("list", "GatewayListItem", null, null, "an array of GatewayListItem")]
    [InlineData("json-text-list", "IxBrowserCookie", null, null, "a list of IxBrowserCookie as JSON text in a string")]
    [InlineData("none", null, null, null, "nothing (absent, null, [] or a string: no data)")]
    public void Each_kind_reads_as_the_error_messages_say_it(string kind, string? items, string? schema, string? value, string expected)
    {
        Assert.Equal(expected, new IxBrowserSuccessData(kind, items, schema, value).Describe());
    }

    [Fact]
    public void Every_operation_carries_the_kind_its_spec_declares()
    {
        var spec = SpecDocument.Load().Document;
        foreach (var (_, _, operation) in ContractChecker.Operations(spec))
        {
            var declared = (string?)ContractChecker.Extension(operation.Extensions, "x-success-data")?["kind"];
            var descriptor = (IxBrowserOperation)typeof(IxBrowserOperations).GetField(operation.OperationId!)!.GetValue(null)!;

            Assert.Equal(declared, descriptor.SuccessData.Kind);
            Assert.False(string.IsNullOrEmpty(descriptor.ExpectedData));
        }

        // Counted from the spec (47 for the real one; the fixture project runs this test on its own spec).
        Assert.Equal(ContractChecker.Operations(spec).Count(), typeof(IxBrowserOperations).GetFields().Length);
    }
}
