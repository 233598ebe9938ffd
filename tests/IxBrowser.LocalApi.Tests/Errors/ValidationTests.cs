using System;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Errors;

public class ValidationTests
{
    [Fact]
    public async Task A_missing_request_is_rejected_before_sending()
    {
        using var api = new LocalApiServer().AnswerSuccess();

        var a = await Assert.ThrowsAsync<ArgumentNullException>(() => api.Client.UpdateProxyAsync(null!));
        var b = await Assert.ThrowsAsync<ArgumentNullException>(() => api.Client.UpdateProfileProxyForApiExtractionAsync(null!));

        Assert.Equal("request", a.ParamName);
        Assert.Equal("request", b.ParamName);
        Assert.Empty(api.Requests);
    }

    public static TheoryData<Action<UpdateProfileProxyForApiExtractionRequest>, string, string> BadExtractionRequests() => new()
    {
        { r => r.ProfileId = 0, "request.ProfileId", "ProfileId (profile_id) must be at least 1, not 0" },
        { r => r.ProfileId = -3, "request.ProfileId", "not -3" },
        { r => r.ProxyInfo = null!, "request.ProxyInfo", "ProxyInfo (proxy_info) is required" },
        { r => r.ProxyInfo.ProxyType = default, "request.ProxyInfo.ProxyType", "ProxyInfo.ProxyType (proxy_type) is not set: choose one of ProxyType.Http, ProxyType.Https, ProxyType.Socks5, ProxyType.Ssh, ProxyType.Direct" },
        { r => r.ProxyInfo.ProxyType = (ProxyType)42, "request.ProxyInfo.ProxyType", "has the undefined value 42" },
        { r => r.ProxyInfo.ProxyCheckLine = default, "request.ProxyInfo.ProxyCheckLine", "(proxy_check_line) is not set" },
        { r => r.ProxyInfo.ProxyDataFormatType = default, "request.ProxyInfo.ProxyDataFormatType", "(proxy_data_format_type) is not set" },
        { r => r.ProxyInfo.ProxyExtractionMethod = default, "request.ProxyInfo.ProxyExtractionMethod", "(proxy_extraction_method) is not set" },
        { r => r.ProxyInfo.ProxyDataTxtFormat = (ProxyDataTxtFormat)9, "request.ProxyInfo.ProxyDataTxtFormat", "(proxy_data_txt_format) has the undefined value 9" },
        { r => r.ProxyInfo.ProxyService = "", "request.ProxyInfo.ProxyService", "(proxy_service) must be a provider name that is not blank" },
        { r => r.ProxyInfo.ProxyUrl = null!, "request.ProxyInfo.ProxyUrl", "(proxy_url) is required" },
        { r => r.ProxyInfo.ProxyUrl = "", "request.ProxyInfo.ProxyUrl", "(proxy_url) must be an absolute http or https URL" },
        { r => r.ProxyInfo.ProxyUrl = "provider.example/get?key=SECRET-KEY", "request.ProxyInfo.ProxyUrl", "must be an absolute http or https URL" },
        { r => r.ProxyInfo.ProxyUrl = "ftp://provider.example/get?key=SECRET-KEY", "request.ProxyInfo.ProxyUrl", "must be an absolute http or https URL" },
        { r => { r.ProxyInfo.ProxyDataFormatType = ProxyDataFormatType.Json; r.ProxyInfo.ProxyDataJsonFormat = null; }, "request.ProxyInfo.ProxyDataJsonFormat", "is required when ProxyDataFormatType is Json" },
        { r => { r.ProxyInfo.ProxyDataFormatType = ProxyDataFormatType.Json; r.ProxyInfo.ProxyDataJsonFormat!.Ip = ""; }, "request.ProxyInfo.ProxyDataJsonFormat.Ip", "(proxy_data_json_format.ip) is required" },
        { r => { r.ProxyInfo.ProxyDataFormatType = ProxyDataFormatType.Json; r.ProxyInfo.ProxyDataJsonFormat!.Port = null; }, "request.ProxyInfo.ProxyDataJsonFormat.Port", "(proxy_data_json_format.port) is required" },
    };

    [Theory]
    [MemberData(nameof(BadExtractionRequests))]
    public async Task Bad_extraction_requests_name_the_field_and_send_nothing(Action<UpdateProfileProxyForApiExtractionRequest> spoil, string paramName, string expected)
    {
        using var api = new LocalApiServer().AnswerSuccess();
        var request = Requests.Extraction();
        spoil(request);

        var error = Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.UpdateProfileProxyForApiExtractionAsync(request); });

        Assert.Equal(paramName, error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-KEY", error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
        await Task.CompletedTask;
    }

    public static TheoryData<UpdateProxyRequest, string, string> BadProxyUpdates() => new()
    {
        { new UpdateProxyRequest { Id = 0 }, "request.Id", "Id (id) must be at least 1, not 0" },
        { new UpdateProxyRequest { Id = 1, ProxyType = (ProxyType)0 }, "request.ProxyType", "ProxyType (proxy_type) is not set" },
        { new UpdateProxyRequest { Id = 1, ProxyPort = "0" }, "request.ProxyPort", "must be a port number from 1 to 65535" },
        // The app answers 104004 "The proxy port cannot be empty": refused before sending, with that reason.
        { new UpdateProxyRequest { Id = 1, ProxyPort = "" }, "request.ProxyPort", "an empty port is refused by ixBrowser (104004, \"The proxy port cannot be empty\"), so leave it unset to keep the current one" },
        { new UpdateProxyRequest { Id = 1, ProxyPort = "65536" }, "request.ProxyPort", "not \"65536\"" },
        { new UpdateProxyRequest { Id = 1, ProxyPort = "80a" }, "request.ProxyPort", "not \"80a\"" },
        { new UpdateProxyRequest { Id = 1, ProxyPort = " 80" }, "request.ProxyPort", "not \" 80\"" },
        { new UpdateProxyRequest { Id = 1, ProxyPort = "-1" }, "request.ProxyPort", "(proxy_port)" },
        { new UpdateProxyRequest { Id = 1, ProxyPort = "٣٣" }, "request.ProxyPort", "decimal digits" },
        { new UpdateProxyRequest { Id = 1, Tags = new ProxyTagList { "a", null! } }, "request.Tags", "Tags (tag) must not contain null" },
    };

    [Theory]
    [MemberData(nameof(BadProxyUpdates))]
    public void Bad_proxy_updates_name_the_field_and_send_nothing(UpdateProxyRequest request, string paramName, string expected)
    {
        using var api = new LocalApiServer().AnswerSuccess();

        var error = Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.UpdateProxyAsync(request); });

        Assert.Equal(paramName, error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("65535")]
    [InlineData("00080")]
    public async Task Valid_ports_are_sent(string port)
    {
        using var api = new LocalApiServer().AnswerSuccess();

        await api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1, ProxyPort = port });

        Assert.Equal(port, (string?)api.SingleBody(LocalApiServer.ProxyUpdatePath)["proxy_port"]);
    }

    [Fact]
    public async Task Every_problem_of_a_request_is_reported_at_once()
    {
        using var api = new LocalApiServer().AnswerSuccess();
        var request = new UpdateProfileProxyForApiExtractionRequest { ProfileId = 0, ProxyInfo = new ApiExtractionProxyInfo { ProxyUrl = "ftp://secret-key-host/x" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => api.Client.UpdateProfileProxyForApiExtractionAsync(request));

        Assert.Equal("request", error.ParamName);
        Assert.Contains("has 5 problems", error.Message, StringComparison.Ordinal);
        foreach (var part in new[] { "ProfileId (profile_id) must be at least 1", "ProxyInfo.ProxyType (proxy_type) is not set", "ProxyInfo.ProxyDataFormatType (proxy_data_format_type) is not set", "ProxyInfo.ProxyExtractionMethod (proxy_extraction_method) is not set", "ProxyInfo.ProxyUrl (proxy_url) must be an absolute http or https URL" })
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("secret-key-host", error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }
}
