using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using Microsoft.OpenApi;
using IxBrowser.LocalApi.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>The spec is the contract: the built library must agree with it in every point.</summary>
public class ContractTests
{
    private static readonly SpecDocument Spec = SpecDocument.Load();

    [Fact]
    public void The_spec_parses_with_no_errors_and_no_warnings()
    {
        Assert.Empty(Spec.Diagnostic.Errors.Select(e => e.ToString()));
        Assert.Empty(Spec.Diagnostic.Warnings.Select(e => e.ToString()));
        Assert.StartsWith("3.0", Spec.Diagnostic.SpecificationVersion.ToString().Replace("OpenApi", "", StringComparison.Ordinal).Replace('_', '.'), StringComparison.Ordinal);
    }

    [Fact]
    public void The_library_agrees_with_the_spec()
    {
        var drifts = ContractChecker.Check(Spec.Document);

        Assert.True(drifts.Count == 0, "The library and the spec disagree:\n" + string.Join("\n", drifts));
    }

    [Fact]
    public void The_checks_cover_the_whole_spec()
    {
        // Guards the checker against silently checking nothing: every part of the spec it walks is
        // present, and the library has one of each (counts come from the spec, not from this file).
        var operations = ContractChecker.Operations(Spec.Document).ToList();
        Assert.NotEmpty(operations);
        var lists = operations.Count(o => ContractChecker.SuccessDataType(o.Operation) is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(IxBrowserPage<>));
        Assert.Equal(operations.Count + lists, typeof(IIxBrowserClient).GetMethods().Length);
        Assert.Equal(operations.Count, typeof(IxBrowserOperations).GetFields().Length);
        Assert.All(operations, o => Assert.NotNull(ContractChecker.SuccessDataType(o.Operation)));
        Assert.Contains(operations, o => ContractChecker.DocumentedCodes(Spec.Document, o.Operation).Any());
        Assert.Equal(ContractChecker.Catalogue(Spec.Document).Count, typeof(IxBrowserErrorCodes).GetFields().Count(f => f.IsLiteral));
        Assert.NotEmpty(Spec.Document.Components!.Schemas!);
        Assert.All(operations, o => Assert.NotEmpty(o.Operation.Responses!["200"].Content!["application/json"].Examples!));
    }

    public static TheoryData<string, string, int> ResponseExamples()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (path, _, operation) in ContractChecker.Operations(Spec.Document))
        {
            foreach (var (name, example) in operation.Responses!["200"].Content!["application/json"].Examples!)
            {
                data.Add(path, ContractChecker.JsonText(example.Value!), int.Parse(example.Value!["error"]!["code"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return data;
    }

    public static TheoryData<string> OperationPaths()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _, _) in ContractChecker.Operations(Spec.Document))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperationPaths))]
    public async Task Every_documented_request_example_goes_on_the_wire_as_written(string path)
    {
        var operation = ContractChecker.Operations(Spec.Document).Single(o => o.Path == path).Operation;
        var success = ContractChecker.JsonText(operation.Responses!["200"].Content!["application/json"].Examples!["success"].Value!);
        using var api = new LocalApiServer().Answer(path, success);
        var example = JToken.Parse(ContractChecker.JsonText(operation.RequestBody!.Content!["application/json"].Examples!["documentation"].Value!));

        // The generated method, called by reflection with the example read into its request type.
        var method = typeof(IIxBrowserClient).GetMethod(operation.OperationId + "Async")!;
        var request = JsonConvert.DeserializeObject(example.ToString(), method.GetParameters()[0].ParameterType)!;
        await (Task)method.Invoke(api.Client, new[] { request, CancellationToken.None })!;

        var sent = api.SingleBody(path);
        Assert.True(JToken.DeepEquals(example, sent), $"{path}: the docs' example {example.ToString(Formatting.None)} was sent as {sent.ToString(Formatting.None)}");
    }

    [Theory]
    [MemberData(nameof(ResponseExamples))]
    public async Task Every_response_example_served_over_HTTP_gives_the_documented_outcome(string path, string body, int code)
    {
        using var api = new LocalApiServer().Answer(path, body);
        var operation = ContractChecker.Operations(Spec.Document).Single(o => o.Path == path).Operation;

        // The generated method, called by reflection with the operation's request example.
        var method = typeof(IIxBrowserClient).GetMethod(operation.OperationId + "Async")!;
        var requestType = method.GetParameters()[0].ParameterType;
        var request = JsonConvert.DeserializeObject(ContractChecker.JsonText(operation.RequestBody!.Content!["application/json"].Examples!["documentation"].Value!), requestType)!;
        Task Call() => (Task)method.Invoke(api.Client, new[] { request, CancellationToken.None })!;

        if (code == 0)
        {
            var call = Call();
            await call;
            var response = (IxBrowserResponse)call.GetType().GetProperty("Result")!.GetValue(call)!;
            Assert.Equal(0, response.Status.Code);

            // Every field of the example was read into a typed property: writing the data back gives the example's data.
            // "No data" (kind none) reads as null however the example spells it; ids sent as strings read as numbers.
            var data = response.GetType().GetProperty("Data")!.GetValue(response);
            var kind = (string?)ContractChecker.Extension(operation.Extensions, "x-success-data")?["kind"];
            var expected = kind == "none" ? JValue.CreateNull() : JToken.Parse(body)["data"]!;
            if (data is IList<long>)
            {
                expected = new JArray(expected.Select(id => (long)id));
            }

            var actual = data is null ? JValue.CreateNull() : JToken.Parse(WireJson.Serialize(data));
            Assert.True(JToken.DeepEquals(expected, actual), $"{path}: the example's data {expected.ToString(Formatting.None)} came back as {actual.ToString(Formatting.None)}");
        }
        else
        {
            var error = await Assert.ThrowsAsync<IxBrowserApiException>(Call);
            Assert.Equal(code, error.Code);
            Assert.Equal(operation.OperationId, error.Operation);
        }
    }
}
