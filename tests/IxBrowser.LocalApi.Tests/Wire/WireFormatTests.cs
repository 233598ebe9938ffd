using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Wire;

public class WireFormatTests
{
    // The request example of the vendor's page 18, comments removed. proxy_url is "" there although the
    // same page marks it required; a real link is substituted (the client rejects an empty one).
    private const string ExtractionDocsExample = """
        {
          "profile_id": 161,
          "proxy_info": {
            "proxy_mode": 4,
            "proxy_check_line": "global_line",
            "proxy_type": "socks5",
            "proxy_service": "general",
            "proxy_data_format_type": "txt",
            "proxy_data_txt_format": "ip:port",
            "proxy_data_json_format": { "ip": "ip", "port": "port", "username": "username", "password": "password" },
            "proxy_extraction_method": "invalid",
            "proxy_url": ""
          }
        }
        """;

    // The request example of the vendor's page 40, comments removed.
    private const string ProxyUpdateDocsExample = """
        { "id": 24330, "proxy_type": "socks5", "proxy_ip": "127.0.0.2", "proxy_port": "57425",
          "proxy_user": "", "proxy_password": "", "tag": "", "note": "" }
        """;

    [Fact]
    public async Task Extraction_docs_example_is_sent_as_documented()
    {
        using var api = new LocalApiServer().AnswerSuccess();

        await api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction());

        var expected = JToken.Parse(ExtractionDocsExample);
        expected["proxy_info"]!["proxy_url"] = Requests.MarkerUrl;
        var sent = api.SingleBody(LocalApiServer.ExtractionPath);
        Assert.True(JToken.DeepEquals(expected, sent), $"sent {sent}");
    }

    [Fact]
    public async Task Proxy_update_docs_example_is_sent_as_documented()
    {
        using var api = new LocalApiServer().AnswerSuccess();

        await api.Client.UpdateProxyAsync(Requests.ProxyUpdateDocsExample());

        var sent = api.SingleBody(LocalApiServer.ProxyUpdatePath);
        Assert.True(JToken.DeepEquals(JToken.Parse(ProxyUpdateDocsExample), sent), $"sent {sent}");
    }

    [Theory]
    [InlineData(LocalApiServer.ExtractionPath)]
    [InlineData(LocalApiServer.ProxyUpdatePath)]
    public async Task Method_path_and_content_type_are_as_documented(string path)
    {
        using var api = new LocalApiServer().AnswerSuccess();

        if (path == LocalApiServer.ExtractionPath)
        {
            await api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction());
        }
        else
        {
            await api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1, Note = "n" });
        }

        var request = Assert.Single(api.Requests).RequestMessage!;
        Assert.Equal("POST", request.Method);
        Assert.Equal(path, request.Path);
        var contentType = request.Headers!["Content-Type"].Single();
        Assert.StartsWith("application/json", contentType, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_mode_is_always_4_and_cannot_be_set()
    {
        using var api = new LocalApiServer().AnswerSuccess();

        await api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction());

        Assert.Equal(4, (int)api.SingleBody(LocalApiServer.ExtractionPath)["proxy_info"]!["proxy_mode"]!);
        Assert.Null(typeof(ApiExtractionProxyInfo).GetProperty(nameof(ApiExtractionProxyInfo.ProxyMode))!.SetMethod);
    }

    [Fact]
    public async Task Required_fields_with_a_documented_default_are_sent_and_unset_optional_ones_are_not()
    {
        using var api = new LocalApiServer().AnswerSuccess();
        var request = new UpdateProfileProxyForApiExtractionRequest
        {
            ProfileId = 7,
            ProxyInfo = new ApiExtractionProxyInfo
            {
                ProxyType = ProxyType.Http,
                ProxyDataFormatType = ProxyDataFormatType.Txt,
                ProxyExtractionMethod = ProxyExtractionMethod.EveryType,
                ProxyUrl = "http://provider.example/get",
            },
        };

        await api.Client.UpdateProfileProxyForApiExtractionAsync(request);

        var info = api.SingleBody(LocalApiServer.ExtractionPath)["proxy_info"]!;
        Assert.Equal("global_line", (string?)info["proxy_check_line"]);
        Assert.Equal("general", (string?)info["proxy_service"]);
        Assert.Null(info["proxy_data_txt_format"]);   // optional: ixBrowser applies its own default, ip:port
        Assert.Equal("every_type", (string?)info["proxy_extraction_method"]);
        Assert.Null(info["proxy_data_json_format"]);
    }

    [Fact]
    public async Task A_json_format_body_carries_no_txt_format_that_was_never_set()
    {
        using var api = new LocalApiServer().AnswerSuccess();
        var request = new UpdateProfileProxyForApiExtractionRequest
        {
            ProfileId = 7,
            ProxyInfo = new ApiExtractionProxyInfo
            {
                ProxyType = ProxyType.Socks5,
                ProxyDataFormatType = ProxyDataFormatType.Json,
                ProxyDataJsonFormat = new ProxyDataJsonFormat { Ip = "ip", Port = "port" },
                ProxyExtractionMethod = ProxyExtractionMethod.Invalid,
                ProxyUrl = "http://provider.example/get",
            },
        };

        await api.Client.UpdateProfileProxyForApiExtractionAsync(request);

        Assert.Equal(
            """{"profile_id":7,"proxy_info":{"proxy_mode":4,"proxy_check_line":"global_line","proxy_type":"socks5","proxy_service":"general","proxy_data_format_type":"json","proxy_data_json_format":{"ip":"ip","port":"port"},"proxy_extraction_method":"invalid","proxy_url":"http://provider.example/get"}}""",
            api.Requests.Single().RequestMessage!.Body);
    }

    [Fact]
    public async Task Json_format_sends_the_mapping()
    {
        using var api = new LocalApiServer().AnswerSuccess();
        var request = Requests.Extraction();
        request.ProxyInfo.ProxyDataFormatType = ProxyDataFormatType.Json;
        request.ProxyInfo.ProxyDataJsonFormat = new ProxyDataJsonFormat { Ip = "host", Port = "p" };

        await api.Client.UpdateProfileProxyForApiExtractionAsync(request);

        var info = api.SingleBody(LocalApiServer.ExtractionPath)["proxy_info"]!;
        Assert.Equal("json", (string?)info["proxy_data_format_type"]);
        Assert.True(JToken.DeepEquals(
            JToken.Parse("""{"ip":"host","port":"p"}"""),
            info["proxy_data_json_format"]));
    }
}
