using System;
using System.Linq;
using IxBrowser.LocalApi.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace IxBrowser.LocalApi.Tests.Serialization;

// The client swaps the generator's StringEnumConverter for WireEnumConverter (speed); these tests
// pin that the swap changes nothing a server or caller can see.
public class WireEnumConverterTests
{
    private static readonly Type[] WireEnums = typeof(IxBrowserClient).Assembly.GetExportedTypes()
        .Where(t => t.IsEnum && t.GetFields().Any(f => f.IsDefined(typeof(System.Runtime.Serialization.EnumMemberAttribute), false)))
        .ToArray();

    [Fact]
    public void Every_wire_enum_is_covered()
    {
        // Every string enum of the spec is a C# enum with [EnumMember] wire values, and nothing else is.
        var stringEnums = Contract.SpecDocument.Load().Document.Components!.Schemas!
            .Where(s => s.Value.Type == Microsoft.OpenApi.JsonSchemaType.String && s.Value.Enum is { Count: > 0 })
            .Select(s => s.Key)
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(stringEnums, WireEnums.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Contains("Toggle", stringEnums);
    }

    [Fact]
    public void Every_member_writes_and_reads_exactly_as_StringEnumConverter()
    {
        foreach (var type in WireEnums)
        {
            foreach (var value in Enum.GetValues(type))
            {
                var expected = JsonConvert.SerializeObject(value, new StringEnumConverter());

                // The any-enum converter and the one of the type, which the client's serializer uses.
                foreach (var converter in new[] { WireEnumConverter.Instance, WireEnumConverter.For(type) })
                {
                    var actual = JsonConvert.SerializeObject(value, converter);
                    Assert.True(expected == actual, $"{type.Name}.{value}: StringEnumConverter wrote {expected}, WireEnumConverter wrote {actual}");
                    Assert.Equal(value, JsonConvert.DeserializeObject(actual, type, converter));
                }
            }
        }
    }

    [Fact]
    public void A_number_that_is_not_a_member_is_written_as_a_number()
    {
        Assert.Equal("99", JsonConvert.SerializeObject((ProxyType)99, WireEnumConverter.Instance));
        Assert.Equal("99", JsonConvert.SerializeObject((ProxyType)99, WireEnumConverter.For(typeof(ProxyType))));
        Assert.Equal("-1", JsonConvert.SerializeObject((ProxyType)(-1), WireEnumConverter.For(typeof(ProxyType))));
        Assert.Equal("4096", JsonConvert.SerializeObject((ProxyType)4096, WireEnumConverter.For(typeof(ProxyType))));
    }

    [Fact]
    public void Nullable_enums_read_null_and_write_null()
    {
        Assert.Null(JsonConvert.DeserializeObject<ProxyType?>("null", WireEnumConverter.Instance));
        Assert.Equal("null", JsonConvert.SerializeObject((ProxyType?)null, WireEnumConverter.Instance));
    }

    [Theory]
    [InlineData("\"HTTP\"")] // wire values are case-sensitive, as the server's are
    [InlineData("\"ftp\"")]
    [InlineData("3")]
    [InlineData("null")]
    public void An_unknown_value_is_a_serialization_error_that_names_the_type(string json)
    {
        var ex = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<ProxyType>(json, WireEnumConverter.Instance));
        Assert.Contains("ProxyType", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_serializer_uses_the_wire_converter_for_enum_properties()
    {
        var resolver = new WireContractResolver();
        var contract = (Newtonsoft.Json.Serialization.JsonObjectContract)resolver.ResolveContract(typeof(UpdateProxyRequest));
        Assert.Same(WireEnumConverter.For(typeof(ProxyType)), contract.Properties["proxy_type"].Converter);
        Assert.Same(WireEnumConverter.For(typeof(ProxyType?)), WireEnumConverter.For(typeof(ProxyType)));
    }
}
