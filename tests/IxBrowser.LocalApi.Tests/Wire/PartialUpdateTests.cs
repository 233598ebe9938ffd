using System.Collections.Generic;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Wire;

public class PartialUpdateTests
{
    public static IEnumerable<object[]> Subsets() => new[]
    {
        new object[] { new UpdateProxyRequest { Id = 24330, Note = "x" }, """{"id":24330,"note":"x"}""" },
        new object[] { new UpdateProxyRequest { Id = 24330 }, """{"id":24330}""" },
        new object[] { new UpdateProxyRequest { Id = 5, ProxyIp = "10.0.0.1", ProxyPort = "8080" }, """{"id":5,"proxy_ip":"10.0.0.1","proxy_port":"8080"}""" },
        new object[] { new UpdateProxyRequest { Id = 5, ProxyType = ProxyType.Https }, """{"id":5,"proxy_type":"https"}""" },
        new object[] { new UpdateProxyRequest { Id = 5, ProxyType = ProxyType.Direct }, """{"id":5,"proxy_type":"direct"}""" },
        new object[] { new UpdateProxyRequest { Id = 5, ProxyUser = "u", ProxyPassword = "p" }, """{"id":5,"proxy_user":"u","proxy_password":"p"}""" },
        new object[] { new UpdateProxyRequest { Id = 5, ProxyUser = "", ProxyPassword = "", Note = "" }, """{"id":5,"proxy_user":"","proxy_password":"","note":""}""" },
        new object[] { new UpdateProxyRequest { Id = 5, Note = "Прокси für 東京 🚀 \"quoted\" \\ back" }, """{"id":5,"note":"Прокси für 東京 🚀 \"quoted\" \\ back"}""" },
        new object[] { new UpdateProxyRequest { Id = 5, Tags = new ProxyTagList() }, """{"id":5,"tag":""}""" },
        new object[] { new UpdateProxyRequest { Id = 5, Tags = new[] { "shop" } }, """{"id":5,"tag":"shop"}""" },
        new object[] { new UpdateProxyRequest { Id = 5, Tags = new[] { "shop", "東京" } }, """{"id":5,"tag":["shop","東京"]}""" },
        new object[] { new UpdateProxyRequest { Id = 9007199254740993 }, """{"id":9007199254740993}""" },
    };

    [Theory]
    [MemberData(nameof(Subsets))]
    public async Task Only_the_fields_the_caller_set_are_sent(UpdateProxyRequest request, string expectedJson)
    {
        using var api = new LocalApiServer().AnswerSuccess();

        await api.Client.UpdateProxyAsync(request);

        var sent = api.SingleBody(LocalApiServer.ProxyUpdatePath);
        Assert.True(JToken.DeepEquals(JToken.Parse(expectedJson), sent), $"expected {expectedJson}, sent {sent.ToString(Newtonsoft.Json.Formatting.None)}");
    }

    [Fact]
    public async Task The_issue_example_is_byte_exact()
    {
        using var api = new LocalApiServer().AnswerSuccess();

        await api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "x" });

        Assert.Equal("""{"id":24330,"note":"x"}""", Assert.Single(api.Requests).RequestMessage!.Body);
    }
}
