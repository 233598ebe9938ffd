using System;
using System.IO;
using System.Linq;
using IxBrowser.LocalApi.Testing;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>
/// The simulator's reading of the spec, on the fixture of every construct
/// (tests/IxBrowser.LocalApi.Fixture.Tests/spec): it accepts each documented request, refuses each
/// construct spelt wrong, and answers each kind of success data as documented. With this, an
/// endpoint of a known shape needs no change to the simulator's spec reader.
/// </summary>
public class FixtureSpecAcceptanceTests
{
    private static readonly string Yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "fixture-every-construct.yaml"));
    private static readonly SpecRules Rules = SpecRules.Parse(Yaml);

    [Fact]
    public void Every_documented_request_of_the_fixture_is_accepted()
    {
        var examples = Contract.SpecDocument.Parse(Yaml).Document.Paths.ToDictionary(
            p => p.Key,
            p => JToken.Parse(Contract.ContractChecker.JsonText(p.Value.Operations!.Values.Single().RequestBody!.Content!["application/json"].Examples!["documentation"].Value!)));

        Assert.Equal(11, Rules.Operations.Count);
        Assert.All(Rules.Operations, operation => Assert.Null(Rules.FirstViolation(operation.RequestSchema, examples[operation.Path])));
    }

    [Theory]
    [InlineData("FixtureIdStringsRequest", """{"thing_ids":[161]}""", "$.thing_ids[0] is not of type")]
    [InlineData("FixtureIdStringsRequest", """{"thing_ids":["0"]}""", "$.thing_ids[0] does not match its pattern")]
    [InlineData("FixtureIdNumbersRequest", """{"thing_ids":[161,0]}""", "$.thing_ids[1] is out of range")]
    [InlineData("FixtureIdListRequest", """{"thing_ids":[117,118]}""", "$.thing_ids is not of type")]
    [InlineData("FixtureCreateRequest", """{"name":"first","switch":1}""", "$.switch is not of type")]
    [InlineData("FixtureCreateRequest", """{"name":"first","switch":"2"}""", "$.switch is not one of the allowed values")]
    [InlineData("FixtureCreateRequest", """{"name":"first","amount":1024.5}""", "$.amount is not of type")]
    [InlineData("FixtureCreateRequest", """{"name":"first","seen_at":"2024-09-09T14:27:56Z"}""", "$.seen_at does not match its pattern")]
    [InlineData("FixtureCreateRequest", """{"switch":"1"}""", "$.name is required")]
    [InlineData("FixtureJsonTextRequest", """{"thing_id":7,"cookie":[{"name":"sid"}]}""", "$.cookie is not of type")]
    [InlineData("FixtureTargetRequest", """{"thing_id":"7"}""", "$.thing_id is not of type")]
    public void A_construct_spelt_wrong_is_refused_with_its_path(string schema, string body, string expected)
    {
        Assert.StartsWith(expected, Rules.FirstViolation(schema, IxBrowser.LocalApi.Serialization.WireJson.Parse(body)));
    }

    [Theory]
    [InlineData("FixtureNoBody", "null")]
    [InlineData("FixtureConstant", "1")]
    [InlineData("FixtureIdsAsStrings", """["161"]""")]
    [InlineData("FixtureJsonText", "\"[{\\\"name\\\":\\\"sid\\\",\\\"value\\\":\\\"cookie-secret-1\\\"}]\"")]
    [InlineData("FixtureBoolean", "true")]
    public void Each_kind_of_success_data_is_answered_as_documented(string operation, string data)
    {
        var answer = Rules.Operations.Single(o => o.Id == operation).SuccessExample;

        Assert.True(JToken.DeepEquals(JToken.Parse(data), answer), $"{operation} answers {answer}");
    }

    [Fact]
    public void Alternate_paths_are_read()
    {
        Assert.Equal(new[] { "/api/v2/fixture-items-old" }, Rules.Operations.Single(o => o.Id == "FixtureItems").AlternatePaths);
    }
}
