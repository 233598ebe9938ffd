using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using Microsoft.OpenApi;
using Newtonsoft.Json;

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
        // Guards the checker against silently checking nothing (an empty walk passes trivially).
        Assert.Equal(2, ContractChecker.Operations(Spec.Document).Count());
        Assert.Equal(13, Spec.Document.Components!.Schemas!.Count);
        var examples = ContractChecker.Operations(Spec.Document)
            .Sum(o => o.Operation.RequestBody!.Content!.Values.Sum(m => m.Examples!.Count) + o.Operation.Responses!.Values.Sum(r => r.Content!.Values.Sum(m => m.Examples!.Count)));
        Assert.Equal(6, examples);
    }

    public static TheoryData<string, string, int> ResponseExamples()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (path, _, operation) in ContractChecker.Operations(Spec.Document))
        {
            foreach (var (name, example) in operation.Responses!["200"].Content!["application/json"].Examples!)
            {
                data.Add(path, example.Value!.ToJsonString(), int.Parse(example.Value!["error"]!["code"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResponseExamples))]
    public async Task Every_response_example_served_over_HTTP_gives_the_documented_outcome(string path, string body, int code)
    {
        using var api = new LocalApiServer().Answer(path, body);
        var operation = ContractChecker.Operations(Spec.Document).Single(o => o.Path == path).Operation;

        Task<IxBrowserResponse> Call() => path.EndsWith("proxy-update", StringComparison.Ordinal)
            ? api.Client.UpdateProxyAsync(RequestExample<UpdateProxyRequest>(operation))
            : api.Client.UpdateProfileProxyForApiExtractionAsync(WithUsableUrl(RequestExample<UpdateProfileProxyForApiExtractionRequest>(operation)));

        if (code == 0)
        {
            var response = await Call();
            Assert.Equal(0, response.Status.Code);
        }
        else
        {
            var error = await Assert.ThrowsAsync<IxBrowserApiException>(Call);
            Assert.Equal(code, error.Code);
            Assert.Equal(operation.OperationId, error.Operation);
        }
    }

    private static T RequestExample<T>(OpenApiOperation operation) =>
        JsonConvert.DeserializeObject<T>(operation.RequestBody!.Content!["application/json"].Examples!["documentation"].Value!.ToJsonString())!;

    // The vendor's example leaves proxy_url empty although the page marks it required; the client
    // refuses to send that, so the example is sent with a link in its place.
    private static UpdateProfileProxyForApiExtractionRequest WithUsableUrl(UpdateProfileProxyForApiExtractionRequest request)
    {
        request.ProxyInfo.ProxyUrl = "http://provider.example/extract";
        return request;
    }
}
