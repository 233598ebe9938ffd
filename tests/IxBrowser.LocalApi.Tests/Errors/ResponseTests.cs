using System;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Errors;

public class ResponseTests
{
    [Fact]
    public async Task Extraction_success_exposes_data_and_server_time()
    {
        using var api = new LocalApiServer().AnswerSuccess();

        var response = await api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction());

        Assert.True(response.Status.IsSuccess);
        Assert.Equal("success", response.Status.Message);
        Assert.Equal("success", response.Data);
        Assert.Equal(1691131803, response.Status.Time);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1691131803), response.Status.ServerTime);
    }

    [Fact]
    public async Task Proxy_update_success_exposes_data_and_server_time()
    {
        using var api = new LocalApiServer().AnswerSuccess();

        var response = await api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "x" });

        Assert.Equal(1, response.Data);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1693464163), response.Status.ServerTime);
    }

    [Fact]
    public async Task Extraction_failure_throws_api_exception_with_everything_the_server_said()
    {
        using var api = new LocalApiServer().Answer(LocalApiServer.ExtractionPath, Envelopes.ExtractionProfileMissing);

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction()));

        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, error.Code);
        Assert.Equal("Profile does not exist", error.ServerMessage);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1694762291), error.ServerTime);
        Assert.Equal("UpdateProfileProxyForApiExtraction", error.Operation);
        Assert.Equal("UpdateProfileProxyForApiExtraction failed for profile 161: ixBrowser answered with error 2007 (\"Profile does not exist\"). (1 attempt in " + error.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s.)", error.Message);
        Assert.Equal(1, error.Attempts);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Proxy_update_failure_throws_api_exception_with_everything_the_server_said()
    {
        using var api = new LocalApiServer().Answer(LocalApiServer.ProxyUpdatePath, Envelopes.ProxyUpdateProxyMissing);

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Equal(IxBrowserErrorCodes.ProxyNotFound, error.Code);
        Assert.Equal("Proxy information does not exist", error.ServerMessage);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1694598121), error.ServerTime);
        Assert.Equal("UpdateProxy", error.Operation);
        Assert.Contains("error 2002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failure_without_message_explains_the_code_from_the_appendix()
    {
        using var api = new LocalApiServer(configure: o => o.MaxRetryAttempts = 0).Answer(LocalApiServer.ProxyUpdatePath, Envelopes.Error(1010));

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Equal(1010, error.Code);
        Assert.Null(error.ServerMessage);
        Assert.True(error.IsTransient);
        Assert.StartsWith("UpdateProxy failed for proxy 1: ixBrowser answered with error 1010 (no message). The error-code appendix says: Your operation was too fast, please try again later.. (1 attempt in ", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_code_still_throws_with_that_code()
    {
        using var api = new LocalApiServer().Answer(LocalApiServer.ProxyUpdatePath, Envelopes.Error(999999, "Something new"));

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Equal(999999, error.Code);
        Assert.Equal("Something new", error.ServerMessage);
    }

    [Fact]
    public async Task Failure_with_data_other_than_an_empty_array_is_still_a_failure()
    {
        using var api = new LocalApiServer().Answer(LocalApiServer.ExtractionPath, """{"error":{"code":2010,"message":"x","time":1},"data":"success"}""");

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction()));

        Assert.Equal(2010, error.Code);
    }

    [Fact]
    public async Task Extra_fields_in_the_envelope_are_tolerated()
    {
        using var api = new LocalApiServer().Answer(LocalApiServer.ProxyUpdatePath, """{"error":{"code":0,"message":"success","time":1,"trace":"x"},"data":1,"extra":{"a":[1]}}""");

        var response = await api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 });

        Assert.Equal(1, response.Data);
    }
}
