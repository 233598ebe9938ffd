using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using IxBrowser.LocalApi.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;
using Xunit.Abstractions;

namespace IxBrowser.LocalApi.Tests.Reliability;

/// <summary>
/// Property-based tests (CsCheck generators), 10,000 cases each over real HTTP, run from a fixed,
/// printed seed so that every run tests the same cases and a failure can be replayed.
/// </summary>
public class PropertyTests(ITestOutputHelper output)
{
    private const int Cases = 10_000;
    private const ulong Seed = 20261124;

    /// <summary>Any valid Unicode text: code points outside the surrogate range (lone surrogates are not text).</summary>
    private static readonly Gen<string> AnyText =
        Gen.Int[0, 0x10FFFF].Where(cp => cp is < 0xD800 or > 0xDFFF).Array[0, 12].Select(cps => string.Concat(cps.Select(char.ConvertFromUtf32)));

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : class => Gen.Bool.SelectMany(set => set ? gen.Select(v => (T?)v) : Gen.Const((T?)null));

    private static readonly Gen<UpdateProxyRequest> AnyUpdate =
        Gen.Select(
            Gen.Long[1, long.MaxValue],
            Gen.Int[0, 5],
            Maybe(AnyText),
            // An empty port is refused before sending (the app answers 104004): not a request that goes out.
            Maybe(Gen.Int[1, 65535].Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Maybe(AnyText),
            Maybe(AnyText),
            Maybe(AnyText.Array[0, 4]),
            Maybe(AnyText))
        .Select((id, type, ip, port, user, password, tags, note) => new UpdateProxyRequest
        {
            Id = id,
            ProxyType = type == 0 ? null : (ProxyType)type,
            ProxyIp = ip,
            ProxyPort = port,
            ProxyUser = user,
            ProxyPassword = password,
            Tags = tags is null ? null : new ProxyTagList(tags),
            Note = note,
        });

    private static readonly Gen<CreateProxyRequest> AnyCreate =
        Gen.Select(
            Gen.Int[1, 4],
            AnyText.Where(t => t.Trim().Length > 0),
            Gen.Int[1, 65535].Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            AnyText,
            Maybe(AnyText),
            Maybe(AnyText.Array[0, 4]),
            Maybe(AnyText))
        .Select((type, ip, port, user, password, tags, note) => new CreateProxyRequest
        {
            ProxyType = (ProxyType)type,
            ProxyIp = ip,
            ProxyPort = port,
            ProxyUser = user,
            ProxyPassword = password,
            Tags = tags is null ? null : new ProxyTagList(tags),
            Note = note,
        });

    [Fact]
    public void Any_valid_create_request_sends_exactly_its_fields_once()
    {
        using var api = new LocalApiServer();
        string? lastBody = null;
        api.Server.Given(Request.Create().WithPath(IxBrowserClient.CreateProxyPath).UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            lastBody = request.Body;
            return Json(200, """{"error":{"code":0,"message":"success","time":1},"data":24441}""");
        }));
        var cases = 0;
        output.WriteLine($"Property: proxy-create request models, {Cases} cases, seed {Seed}");

        SeededProperty.Run(
            AnyCreate,
            request =>
            {
                var id = api.Client.CreateProxyAsync(request).GetAwaiter().GetResult().Data;
                var sent = JObject.Parse(lastBody!);
                var expected = new JObject
                {
                    ["proxy_type"] = request.ProxyType.ToString().ToLowerInvariant(),
                    ["proxy_ip"] = request.ProxyIp,
                    ["proxy_port"] = request.ProxyPort,
                    ["proxy_user"] = request.ProxyUser,
                };
                AddSetFields(expected, request.ProxyPassword, request.Tags, request.Note);
                if (id != 24441 || !JToken.DeepEquals(expected, sent))
                {
                    throw new InvalidOperationException($"expected {expected.ToString(Formatting.None)} and id 24441, sent {sent.ToString(Formatting.None)} and read {id}");
                }

                Interlocked.Increment(ref cases);
            },
            Seed,
            Cases,
            r => r.ToString());

        output.WriteLine($"  {cases} cases passed");
        Assert.Equal(Cases, cases);
        Assert.Equal(Cases, api.Requests.Count);
    }

    [Fact]
    public void Any_request_model_sends_exactly_the_fields_that_are_set_with_exactly_their_values()
    {
        using var api = new LocalApiServer();
        string? lastBody = null;
        api.Server.Given(Request.Create().WithPath(LocalApiServer.ProxyUpdatePath).UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            lastBody = request.Body;
            return Json(200, Envelopes.ProxyUpdateSuccess);
        }));
        var cases = 0;
        output.WriteLine($"Property: request models, {Cases} cases, seed {Seed}");

        SeededProperty.Run(
            AnyUpdate,
            request =>
            {
                api.Client.UpdateProxyAsync(request).GetAwaiter().GetResult();
                var sent = JObject.Parse(lastBody!);
                var expected = Expected(request);
                if (!JToken.DeepEquals(expected, sent))
                {
                    throw new InvalidOperationException($"expected {expected.ToString(Formatting.None)}, sent {sent.ToString(Formatting.None)}");
                }

                Interlocked.Increment(ref cases);
            },
            Seed,
            Cases,
            r => r.ToString());

        output.WriteLine($"  {cases} cases passed");
        Assert.Equal(Cases, cases);
    }

    /// <summary>The body the docs call for: only the set fields; one tag as a string, several as an array, none as "".</summary>
    private static JObject Expected(UpdateProxyRequest request)
    {
        var body = new JObject { ["id"] = request.Id };
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                body[name] = value;
            }
        }

        Add("proxy_type", request.ProxyType?.ToString().ToLowerInvariant());
        Add("proxy_ip", request.ProxyIp);
        Add("proxy_port", request.ProxyPort);
        Add("proxy_user", request.ProxyUser);
        AddSetFields(body, request.ProxyPassword, request.Tags, request.Note);
        return body;
    }

    /// <summary>The optional fields proxy-update and proxy-create share, in wire order: one tag as a string, several as an array, none as "".</summary>
    private static void AddSetFields(JObject body, string? password, ProxyTagList? tags, string? note)
    {
        if (password is not null)
        {
            body["proxy_password"] = password;
        }

        if (tags is not null)
        {
            body["tag"] = tags.Count switch
            {
                0 => "",
                1 => tags[0],
                _ => new JArray(tags),
            };
        }

        if (note is not null)
        {
            body["note"] = note;
        }
    }

    /// <summary>What a server might send: valid envelopes, envelopes with parts changed, arbitrary JSON, arbitrary bytes, any status.</summary>
    private static readonly Gen<(int Status, byte[] Body, string Kind)> AnyAnswer = Gen.Frequency(
        (3, Gen.Select(Gen.Int[-5, 200_000], AnyText, Gen.Long, Gen.Int[0, 5], Gen.Int).Select((code, message, time, data, seed) =>
            (200, Encoding.UTF8.GetBytes(new JObject
            {
                ["error"] = new JObject { ["code"] = code, ["message"] = message, ["time"] = time },
                ["data"] = data switch { 0 => (JToken)1, 1 => "success", 2 => new JArray(), 3 => JValue.CreateNull(), 4 => new JObject { ["x"] = message }, _ => RandomPage(new Random(seed)) },
            }.ToString(Formatting.None)), "envelope"))),
        (3, Gen.Int.Select(seed => (200, Encoding.UTF8.GetBytes(Mutated(new Random(seed))), "mutated"))),
        (3, Gen.Int.Select(seed => (200, Encoding.UTF8.GetBytes(new JObject
        {
            ["error"] = new JObject { ["code"] = 0, ["message"] = "success", ["time"] = 1 },
            ["data"] = RandomPage(new Random(seed)),
        }.ToString(Formatting.None)), "page"))),
        (2, Gen.Int.Select(seed => (200, Encoding.UTF8.GetBytes(RandomJson(new Random(seed), 0).ToString(Formatting.None)), "json"))),
        (1, Gen.Byte.Array[0, 64].Select(bytes => (200, bytes, "bytes"))),
        (1, Gen.Select(Gen.Int[201, 599], Gen.Byte.Array[0, 32]).Select((status, bytes) => (status, bytes, "status"))));

    /// <summary>A proxy-list page whose items hold plausible values or any JSON, field by field.</summary>
    private static JObject RandomPage(Random random)
    {
        JToken Field(JToken plausible) => random.Next(3) == 0 ? RandomJson(random, 2) : plausible;
        var items = Enumerable.Range(0, random.Next(4)).Select(_ => new JObject
        {
            ["id"] = Field(random.Next()),
            ["proxy_type"] = Field(random.Next(2) == 0 ? "socks5" : "vless"),
            ["proxy_port"] = Field("8080"),
            ["proxy_password"] = Field(Requests.MarkerPassword),
            ["type"] = Field(random.Next(0, 4)),
            ["tag_id"] = Field(random.Next(2) == 0 ? "117 118" : "12 x"),
            ["activeWindow"] = Field(random.Next(5)),
        });
        return new JObject { ["total"] = Field(random.Next(100)), ["data"] = Field(new JArray(items)) };
    }

    [Theory]
    [InlineData("UpdateProxy")]
    [InlineData("GetProxyList")]
    public void Any_response_body_gives_a_result_or_a_library_exception(string operation)
    {
        using var api = new LocalApiServer(configure: o => o.MaxRetryAttempts = 0);
        (int Status, byte[] Body, string Kind) next = default;
        var path = operation == "UpdateProxy" ? IxBrowserClient.UpdateProxyPath : IxBrowserClient.GetProxyListPath;
        api.Server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(Response.Create().WithCallback(_ => new ResponseMessage
        {
            StatusCode = next.Status,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsBytes = next.Body, DetectedBodyType = BodyType.Bytes },
        }));
        var tally = new Dictionary<string, int>();
        var texts = new List<string>();
        output.WriteLine($"Property: response bodies of {operation}, {Cases} cases, seed {Seed}");

        SeededProperty.Run(
            AnyAnswer,
            answer =>
            {
                next = answer;
                string outcome;
                try
                {
                    IxBrowserResponse response = operation == "UpdateProxy"
                        ? api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1, ProxyUser = Requests.MarkerUser, ProxyPassword = Requests.MarkerPassword }).GetAwaiter().GetResult()
                        : api.Client.GetProxyListAsync(new GetProxyListRequest()).GetAwaiter().GetResult();
                    if (response.Status.Code != 0)
                    {
                        throw new InvalidOperationException("a result with a non-zero code was returned");
                    }

                    outcome = "result";
                }
                catch (IxBrowserException e)
                {
                    outcome = e.GetType().Name;
                    texts.Add(FaultMatrixTests.Describe(e));
                }

                tally[answer.Kind + " -> " + outcome] = tally.GetValueOrDefault(answer.Kind + " -> " + outcome) + 1;
            },
            Seed,
            Cases,
            a => $"HTTP {a.Status} {a.Kind}: {Convert.ToBase64String(a.Body)}");

        foreach (var (key, count) in tally.OrderBy(t => t.Key))
        {
            output.WriteLine($"  {key}: {count}");
        }

        Assert.Equal(Cases, tally.Values.Sum());
        Assert.DoesNotContain(texts, t => t.Contains(Requests.MarkerPassword, StringComparison.Ordinal) || t.Contains(Requests.MarkerUser, StringComparison.Ordinal));
    }

    private static string Mutated(Random random)
    {
        var envelope = JObject.Parse(Envelopes.ProxyUpdateSuccess);
        var paths = new[] { "error", "error.code", "error.message", "error.time", "data" };
        var path = paths[random.Next(paths.Length)];
        var token = envelope.SelectToken(path)!;
        switch (random.Next(3))
        {
            case 0:
                token.Parent!.Remove();
                break;
            default:
                token.Replace(RandomJson(random, 1));
                break;
        }

        var text = envelope.ToString(Formatting.None);
        return random.Next(4) == 0 ? text[..random.Next(text.Length)] : text;
    }

    private static JToken RandomJson(Random random, int depth) => (depth > 3 ? random.Next(5) : random.Next(7)) switch
    {
        0 => JValue.CreateNull(),
        1 => random.Next(2) == 0,
        2 => random.Next(-1000, 1000) * (random.Next(3) == 0 ? 0.5 : 1),
        3 => new string((char)random.Next(32, 0x2FF), random.Next(0, 5)),
        4 => (long)random.Next() * random.Next(),
        5 => new JArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth + 1))),
        _ => new JObject(Enumerable.Range(0, random.Next(4)).Select(i => new JProperty(i == 0 && random.Next(2) == 0 ? "error" : "k" + i, RandomJson(random, depth + 1)))),
    };

    private static ResponseMessage Json(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };
}
