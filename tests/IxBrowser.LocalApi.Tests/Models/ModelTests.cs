using IxBrowser.LocalApi.Serialization;
using System;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Models;

public class ModelTests
{
    [Theory]
    [InlineData(ProxyType.Http, "http")]
    [InlineData(ProxyType.Https, "https")]
    [InlineData(ProxyType.Socks5, "socks5")]
    [InlineData(ProxyType.Ssh, "ssh")]
    [InlineData(ProxyType.Direct, "direct")]
    public void Proxy_types_serialize_to_their_documented_strings(ProxyType type, string wire)
    {
        var json = JsonConvert.SerializeObject(new UpdateProxyRequest { Id = 1, ProxyType = type });
        Assert.Equal(wire, (string?)JObject.Parse(json)["proxy_type"]);
    }

    [Fact]
    public void Every_enum_member_serializes_to_a_documented_string()
    {
        var expected = new (Type Type, string[] Values)[]
        {
            (typeof(ProxyCheckLine), new[] { "global_line", "cn_line" }),
            (typeof(ProxyDataFormatType), new[] { "txt", "json" }),
            (typeof(ProxyExtractionMethod), new[] { "invalid", "every_type" }),
            (typeof(ProxyDataTxtFormat), new[] { "ip:port", "ip:port:username:password", "username:password@ip:port", "ip:port@username:password", "username:password:ip:port" }),
        };
        foreach (var (type, values) in expected)
        {
            var wire = Enum.GetValues(type).Cast<object>()
                .Select(v => JsonConvert.SerializeObject(v, new Newtonsoft.Json.Converters.StringEnumConverter()).Trim('"'))
                .ToArray();
            Assert.Equal(values, wire);
        }
    }

    [Fact]
    public void No_public_member_of_the_library_has_an_underscore()
    {
        // Accessors, operators and an enum's value__ are compiler names, not names anyone types.
        var offenders = typeof(IxBrowserClient).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodBase { IsSpecialName: true } and not FieldInfo { IsSpecialName: true })
                .Select(m => t.Name + "." + m.Name)
                .Append(t.Name))
            .Where(name => name.Contains('_', StringComparison.Ordinal))
            .ToList();
        Assert.True(offenders.Count == 0, string.Join(", ", offenders));
    }

    [Theory]
    [InlineData(typeof(ApiExtractionProxyInfo), "ProxyMode,ProxyCheckLine,ProxyType,ProxyService,ProxyDataFormatType,ProxyDataTxtFormat,ProxyDataJsonFormat,ProxyExtractionMethod,ProxyUrl")]
    [InlineData(typeof(UpdateProfileProxyForApiExtractionRequest), "ProfileId,ProxyInfo")]
    [InlineData(typeof(UpdateProxyRequest), "Id,ProxyType,ProxyIp,ProxyPort,ProxyUser,ProxyPassword,Tags,Note")]
    public void Request_models_use_the_idiomatic_names(Type model, string names)
    {
        var actual = model.GetProperties().Select(p => p.Name);
        Assert.Equal(names.Split(','), actual);
    }

    [Theory]
    [InlineData("\"\"", new string[0])]
    [InlineData("\"a\"", new[] { "a" })]
    [InlineData("[\"a\",\"b\"]", new[] { "a", "b" })]
    [InlineData("[]", new string[0])]
    public void Tags_read_both_documented_forms(string json, string[] expected)
    {
        var request = JsonConvert.DeserializeObject<UpdateProxyRequest>($"{{\"id\":1,\"tag\":{json}}}")!;
        Assert.Equal(expected, request.Tags!.ToArray());
    }

    [Fact]
    public void Typed_data_is_read_by_its_json_type_and_anything_else_is_recorded_not_thrown()
    {
        var text = WireJson.Deserialize<IxBrowserResponse<string>>("{\"error\":{\"code\":0},\"data\":\"success\"}")!;
        Assert.Equal("success", text.Data);
        Assert.Null(text.DataMismatch);

        foreach (var (json, found) in new[] { ("1", "the integer 1"), ("[]", "an array"), ("{\"a\":1}", "an object"), ("true", "the boolean true") })
        {
            var response = WireJson.Deserialize<IxBrowserResponse<string>>($"{{\"error\":{{\"code\":0}},\"data\":{json}}}")!;
            Assert.Null(response.Data);
            Assert.Equal(found, response.DataMismatch);
        }

        var number = WireJson.Deserialize<IxBrowserResponse<int>>("{\"error\":{\"code\":0},\"data\":\"1\"}")!;
        Assert.Equal("a string", number.DataMismatch);
        var tooLarge = WireJson.Deserialize<IxBrowserResponse<int>>("{\"error\":{\"code\":0},\"data\":99999999999}")!;
        Assert.StartsWith("the integer 99999999999, which does not fit", tooLarge.DataMismatch, StringComparison.Ordinal);
    }
}
