using System;
using System.IO;
using System.Linq;
using IxBrowser.LocalApi.Serialization;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Tests.Serialization;

// The client reads envelopes with a one-pass converter instead of Newtonsoft's generic path (speed);
// these tests pin that both read every body alike: the same values, or both a JsonException.
public class IxBrowserResponseJsonConverterTests
{
    private static readonly JsonSerializer Generic = JsonSerializer.Create(new JsonSerializerSettings { DateParseHandling = DateParseHandling.None, MaxDepth = 32 });
    private static readonly JsonSerializer OnePass = JsonSerializer.Create(new JsonSerializerSettings { DateParseHandling = DateParseHandling.None, MaxDepth = 32, Converters = { new IxBrowserResponseJsonConverter() } });

    public static TheoryData<string> Bodies => new()
    {
        """{"error":{"code":0,"message":"success","time":1693464163},"data":1}""",
        """{"error":{"code":0,"message":"success","time":1691131803},"data":"success"}""",
        """{"error":{"code":2002,"message":"Proxy information does not exist","time":1694598121},"data":[]}""",
        """{"data":"success","error":{"time":1,"message":"success","code":0}}""",
        """{"error":{"code":"2002","message":"x"},"data":[]}""",
        """{"error":{"code":"oops"},"data":[]}""",
        """{"error":{"code":1.5},"data":[]}""",
        """{"error":{"code":null},"data":[]}""",
        """{"error":{"code":true},"data":[]}""",
        """{"error":{"code":99999999999},"data":[]}""",
        """{"error":{"message":"x"},"data":1}""",
        """{"data":1}""",
        """{"error":null,"data":1}""",
        """{"error":"broken","data":1}""",
        """{"error":[],"data":1}""",
        """{"error":{"code":0}}""",
        """{"error":{"code":0},"data":null}""",
        """{"error":{"code":0},"data":{"rows":1}}""",
        """{"error":{"code":0,"message":5,"time":"17"},"data":1}""",
        """{"error":{"code":0,"message":null,"time":null},"data":1}""",
        """{"error":{"code":0,"message":{"a":1}},"data":1}""",
        """{"error":{"code":0,"time":"soon"},"data":1}""",
        """{"error":{"code":0,"extra":[1,{"b":2}]},"data":1,"trace":"abc","n":1.25}""",
        """{"error":{"code":0},"error":{"code":1010},"data":1}""",
        """/* hi */ {"error": /* c */ {"code":0} , "data":1}""",
        """{"error":{"code": /* c */ 1010, "message": /* m */ "x", "time": /* t */ 5},"data":1}""",
        """{"error":{"code":0},"data":1} /* trailing */""",
        """{"error":{"code":0},"data":1""",
        """{"error":{"code":0""",
        """{"error":{"code":0},"data":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""",
        """[1,2]""",
        """42""",
        """ "success" """,
        """null""",
        """{}""",
        """{"Error":{"CODE":2002,"Message":"x","TIME":3},"DATA":[]}""",
        """{"ERROR":{"code":0},"error":{"code":1010},"data":1}""",
        """{"error":{}}""",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Reads_every_body_as_Newtonsofts_generic_path_does(string body)
    {
        var (expected, expectedError) = Read(Generic, body);
        var (actual, actualError) = Read(OnePass, body);

        if (expectedError is not null)
        {
            Assert.True(actualError is not null, $"generic path failed ({expectedError.Message}), one-pass read {Describe(actual)}");
            Assert.IsAssignableFrom<JsonException>(actualError);
            if (expectedError.Message.StartsWith("Required property", StringComparison.Ordinal))
            {
                // The client's messages quote these; keep their wording.
                Assert.StartsWith(expectedError.Message.Split(" Path")[0], actualError!.Message, StringComparison.Ordinal);
            }

            return;
        }

        Assert.True(actualError is null, $"generic path read {Describe(expected)}, one-pass failed: {actualError?.Message}");
        Assert.Equal(Describe(expected), Describe(actual));
    }

    [Fact]
    public void A_comment_before_the_data_value_is_skipped_where_the_generic_path_fails()
    {
        // The one deliberate difference: Newtonsoft's generic path hands the comment to the data converter.
        const string body = """{"error":{"code":2002},"data": /* d */ []}""";
        Assert.NotNull(Read(Generic, body).Error);
        var (response, error) = Read(OnePass, body);
        Assert.Null(error);
        Assert.Equal(2002, response!.Status.Code);
        Assert.Equal(IxBrowserDataKind.JsonArray, response.Data!.Kind);
    }

    [Fact]
    public void The_converter_enforces_exactly_the_required_properties_the_generated_models_declare()
    {
        // If the spec makes another envelope property required, this fails: teach the converter to enforce it.
        static string[] RequiredOf(Type type) => ((Newtonsoft.Json.Serialization.JsonObjectContract)OnePass.ContractResolver.ResolveContract(type)).Properties
            .Where(p => p.Required != Required.Default).Select(p => p.PropertyName!).ToArray();
        Assert.Equal(new[] { "error" }, RequiredOf(typeof(IxBrowserResponse)));
        Assert.Equal(new[] { "code" }, RequiredOf(typeof(IxBrowserStatus)));
    }

    [Fact]
    public void A_property_the_converter_does_not_name_is_set_through_the_contract()
    {
        // Stands in for a property the spec gains later: "message" renamed on the wire to "msg".
        var serializer = JsonSerializer.Create(new JsonSerializerSettings { ContractResolver = new RenamingResolver(), Converters = { new IxBrowserResponseJsonConverter() } });
        using var reader = new JsonTextReader(new StringReader("""{"error":{"code":0,"msg":"hi"},"data":1}"""));

        var response = serializer.Deserialize<IxBrowserResponse>(reader)!;

        Assert.Equal("hi", response.Status.Message);
        Assert.Empty(response.Status.AdditionalProperties);
    }

    [Fact]
    public void The_client_serializer_reads_envelopes_with_the_one_pass_converter()
    {
        var settings = new JsonSerializerSettings();
        typeof(IxBrowserGeneratedClient).GetMethod("UpdateJsonSerializerSettings", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .Invoke(null, new object[] { settings });
        Assert.Contains(settings.Converters, c => c is IxBrowserResponseJsonConverter);
    }

    private static (IxBrowserResponse? Response, Exception? Error) Read(JsonSerializer serializer, string body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body));
            return (serializer.Deserialize<IxBrowserResponse>(reader), null);
        }
        catch (JsonException e)
        {
            return (null, e);
        }
    }

    private static string Describe(IxBrowserResponse? response) => response is null
        ? "null"
        : JsonConvert.SerializeObject(new
        {
            response.Status.Code,
            response.Status.Message,
            response.Status.Time,
            StatusExtra = response.Status.AdditionalProperties.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray(),
            Data = response.Data is null ? null : response.Data.Kind + " " + response.Data.ToString(),
            Extra = response.AdditionalProperties.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray(),
        });

    private sealed class RenamingResolver : Newtonsoft.Json.Serialization.DefaultContractResolver
    {
        protected override Newtonsoft.Json.Serialization.JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.PropertyName == "message")
            {
                property.PropertyName = "msg";
            }

            return property;
        }
    }
}
