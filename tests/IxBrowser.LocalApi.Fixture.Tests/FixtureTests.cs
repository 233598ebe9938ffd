using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Fixture.Tests;

/// <summary>
/// Each construct of spec/fixture-every-construct.yaml, through the library's code generated from
/// it and a real HTTP server: the wire both ways, validation before sending (list items included),
/// masking, retry safety and code families. A construct that passes here needs no generic code
/// when a real endpoint uses it; the contract tests (compiled here unchanged) walk every operation.
/// </summary>
public class FixtureTests
{
    /// <summary>Exactly this JSON was sent: token types included ("161" is not 161), which Assert.Equal on JTokens would not check.</summary>
    private static void AssertSent(LocalApiServer api, string path, string json)
    {
        var sent = api.SingleBody(path);
        Assert.True(JToken.DeepEquals(JToken.Parse(json), sent), $"{path}: expected {json}, sent {sent.ToString(Newtonsoft.Json.Formatting.None)}");
    }

    private static LocalApiServer Server(Action<IxBrowserClientOptions>? configure = null) =>
        new(configure: o => { LocalApiServer.FastRetries(o); configure?.Invoke(o); });

    [Theory]
    [MemberData(nameof(Envelopes.NoDataAnswers), MemberType = typeof(Envelopes))]
    public async Task No_data_succeeds_however_the_answer_spells_it_and_a_request_without_fields_sends_an_empty_object(string answer)
    {
        using var api = Server().Answer("/api/v2/fixture-no-body", answer);

        var response = await api.Client.FixtureNoBodyAsync(new FixtureNoBodyRequest());

        Assert.Equal(0, response.Status.Code);
        Assert.Null(response.Data);
        AssertSent(api, "/api/v2/fixture-no-body", "{}");
    }

    [Fact]
    public async Task Every_scalar_construct_goes_on_the_wire_as_the_spec_spells_it()
    {
        using var api = Server().Answer("/api/v2/fixture-create", Envelopes.Success("4096"));

        var response = await api.Client.FixtureCreateAsync(new FixtureCreateRequest
        {
            Name = "first",
            Password = "s3cret-Pa55",
            Switch = FixtureToggle.On,
            Amount = 1024.50m,
            Labels = new[] { "red", "blue" },
            Country = "us",
            SeenAt = "2024-09-09 14:27:56",
            Count = 3,
            WindowHeight = 500,
        });

        Assert.Equal(4096L, response.Data);
        AssertSent(api, "/api/v2/fixture-create", """{"name":"first","password":"s3cret-Pa55","switch":"1","amount":"1024.50","labels":["red","blue"],"country":"us","seen_at":"2024-09-09 14:27:56","count":3,"kind":4,"windowHight":500}""");
    }

    [Fact]
    public async Task A_single_label_is_sent_as_a_string_and_unset_fields_are_left_out()
    {
        using var api = Server().Answer("/api/v2/fixture-create", Envelopes.Success("1"));

        await api.Client.FixtureCreateAsync(new FixtureCreateRequest { Name = "first", Labels = new[] { "red" } });

        AssertSent(api, "/api/v2/fixture-create", """{"name":"first","labels":"red","kind":4}""");
    }

    [Fact]
    public async Task Ids_travel_as_the_spec_spells_them_and_read_back_as_numbers()
    {
        using var api = Server()
            .Answer("/api/v2/fixture-object", Envelopes.Success("""{"id":117,"title":"first","weight":"2.50","token":"tok-123456"}"""))
            .Answer("/api/v2/fixture-ids-as-strings", Envelopes.Success("""["161","162"]"""))
            .Answer("/api/v2/fixture-ids-as-numbers", Envelopes.Success("[161,162]"));

        var thing = (await api.Client.FixtureObjectAsync(new FixtureIdListRequest { ThingIds = new List<long> { 117, 118 } })).Data;
        var asStrings = (await api.Client.FixtureIdsAsStringsAsync(new FixtureIdStringsRequest { ThingIds = new List<long> { 161, 162 } })).Data;
        var asNumbers = (await api.Client.FixtureIdsAsNumbersAsync(new FixtureIdNumbersRequest { ThingIds = new List<long> { 161, 162 } })).Data;

        AssertSent(api, "/api/v2/fixture-object", """{"thing_ids":"117 118"}""");
        AssertSent(api, "/api/v2/fixture-ids-as-strings", """{"thing_ids":["161","162"]}""");
        AssertSent(api, "/api/v2/fixture-ids-as-numbers", """{"thing_ids":[161,162]}""");
        Assert.Equal((117L, 2.50m), (thing.Id!.Value, thing.Weight!.Value));
        Assert.Equal(new long[] { 161, 162 }, asStrings);
        Assert.Equal(new long[] { 161, 162 }, asNumbers);
    }

    [Fact]
    public async Task Json_text_is_a_typed_list_both_ways()
    {
        using var api = Server().Answer("/api/v2/fixture-json-text", Envelopes.Success("\"[{\\\"name\\\":\\\"sid\\\",\\\"value\\\":\\\"cookie-secret-1\\\"}]\""));

        var cookies = (await api.Client.FixtureJsonTextAsync(new FixtureJsonTextRequest
        {
            ThingId = 7,
            Cookie = new JsonTextList<FixtureCookie>(new[] { new FixtureCookie { Name = "sid", Value = "cookie-secret-1" } }),
        })).Data;

        var sent = api.SingleBody("/api/v2/fixture-json-text");
        Assert.Equal(JTokenType.String, sent["cookie"]!.Type);
        Assert.Equal(JArray.Parse("""[{"name":"sid","value":"cookie-secret-1"}]"""), JArray.Parse((string)sent["cookie"]!));
        Assert.Equal(("sid", "cookie-secret-1"), (Assert.Single(cookies).Name, cookies[0].Value));
    }

    [Fact]
    public async Task A_page_is_walked_to_its_total()
    {
        using var api = Server().Answer("/api/v2/fixture-page", Envelopes.Success("""{"total":1,"data":[{"id":117,"title":"first"}]}"""));

        var things = new List<FixtureThing>();
        await foreach (var thing in api.Client.EnumerateFixturePageAsync(new GetFixturePageRequest { Limit = 1 }))
        {
            things.Add(thing);
        }

        Assert.Equal(117L, Assert.Single(things).Id);
    }

    public static TheoryData<string, Func<IxBrowserClient, Task>> BadRequests() => new()
    {
        { "name: lower-case letters only", c => c.FixtureCreateAsync(new FixtureCreateRequest { Name = "First1" }) },
        { "count", c => c.FixtureCreateAsync(new FixtureCreateRequest { Name = "first", Count = 101 }) },
        { "country", c => c.FixtureCreateAsync(new FixtureCreateRequest { Name = "first", Country = "zz" }) },
        { "seen_at: a local date and time without a zone", c => c.FixtureCreateAsync(new FixtureCreateRequest { Name = "first", SeenAt = "2024-09-09T14:27:56Z" }) },
        { "count: must be from 1 to 100", c => c.FixtureCreateAsync(new FixtureCreateRequest { Name = "first", Count = 0 }) },
        { "thing_id", c => c.FixtureConstantAsync(new FixtureTargetRequest { ThingId = 0 }) },
        { "thing_ids: item 1 is 0", c => c.FixtureIdsAsNumbersAsync(new FixtureIdNumbersRequest { ThingIds = new List<long> { 161, 0 } }) },
        { "thing_ids: item 0 is -3", c => c.FixtureIdsAsStringsAsync(new FixtureIdStringsRequest { ThingIds = new List<long> { -3 } }) },
        { "thing_ids", c => c.FixtureIdsAsNumbersAsync(new FixtureIdNumbersRequest { ThingIds = new List<long>() }) },
        { "link", c => c.FixtureStringAsync(new FixtureLinkRequest()) },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_before_sending_and_the_message_names_the_field(string expected, Func<IxBrowserClient, Task> call)
    {
        using var api = Server().AnswerSuccess();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(async () => await call(api.Client));

        var (field, hint) = expected.Split(": ") is [var f, var h] ? (f, h) : (expected, null);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        if (hint is not null)
        {
            Assert.Contains(hint, error.Message, StringComparison.Ordinal);
        }

        Assert.Contains("Nothing was sent", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Secrets_are_masked_in_requests_answers_and_failures()
    {
        const string link = "https://example.test/get?key=link-key-98765";
        using var api = Server()
            .Answer("/api/v2/fixture-string", $$$"""{"error":{"code":1000,"message":"bad link {{{link}}}"},"data":{"Link":"{{{link}}}","TOKEN":"tok-123456"}}""")
            .Answer("/api/v2/fixture-object", Envelopes.Success("""{"id":117,"token":"tok-123456"}"""));
        var create = new FixtureCreateRequest { Name = "first", Password = "s3cret-Pa55" };
        var cookies = new FixtureJsonTextRequest { ThingId = 7, Cookie = new JsonTextList<FixtureCookie>(new[] { new FixtureCookie { Name = "sid", Value = "cookie-secret-1" } }) };

        var failure = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.FixtureStringAsync(new FixtureLinkRequest { Link = link }));
        var thing = (await api.Client.FixtureObjectAsync(new FixtureIdListRequest { ThingIds = new List<long> { 117 } })).Data;

        Assert.DoesNotContain("s3cret-Pa55", create.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cookie-secret-1", cookies.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok-123456", thing.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("link-key-98765", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok-123456", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("first", create.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_safety_follows_the_spec()
    {
        using var api = Server(o => o.MaxRetryAttempts = 2)
            .Answer("/api/v2/fixture-string", Envelopes.Error(1004))
            .Answer("/api/v2/fixture-boolean", Envelopes.Error(1004));

        var unsafeCall = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.FixtureStringAsync(new FixtureLinkRequest { Link = "x" }));
        var safeCall = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.FixtureBooleanAsync(new FixtureTargetRequest { ThingId = 7 }));

        Assert.Equal(1, unsafeCall.Attempts);
        Assert.Equal(3, safeCall.Attempts);
        Assert.Equal(1, api.Requests.Count(r => r.RequestMessage!.Path == "/api/v2/fixture-string"));
    }

    [Fact]
    public async Task A_code_family_covers_every_catalogue_code_it_names_and_a_long_running_operation_is_marked()
    {
        using var api = Server().Answer("/api/v2/fixture-create", Envelopes.Error(900002, "The name is too long"));

        var failure = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.FixtureCreateAsync(new FixtureCreateRequest { Name = "first" }));

        Assert.Equal(IxBrowserErrorCodes.FixtureNameTooLong, failure.Code);
        Assert.Equal(new[] { 1000, 900001, 900002 }, IxBrowserOperations.FixtureCreate.DocumentedErrorCodes.OrderBy(c => c));
        Assert.True(IxBrowserOperations.FixtureItems.LongRunning);
        Assert.False(IxBrowserOperations.FixtureCreate.LongRunning);
    }
}
