using System;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Errors;

public class MalformedResponseTests
{
    [Theory]
    [InlineData(500, "text/html", "<html><body>Internal Server Error</body></html>", "HTTP 500 instead of 200", "<html><body>Internal Server Error</body></html>")]
    [InlineData(502, "text/html", "<html>Bad Gateway</html>", "HTTP 502 instead of 200", "<html>Bad Gateway</html>")]
    [InlineData(404, "application/json", "{\"message\":\"not found\"}", "HTTP 404 instead of 200", "{\"message\":\"not found\"}")]
    [InlineData(200, "text/html", "<!DOCTYPE html><html><title>Router login</title></html>", "HTTP 200 with a body that is not its JSON envelope", "<!DOCTYPE html>")]
    [InlineData(200, "application/json", "", "HTTP 200 with an empty body", "")]
    [InlineData(200, "application/json", "{\"error\":{\"code\":0,\"mess", "HTTP 200 with a body that is not its JSON envelope", "{\"error\":{\"code\":0,\"mess")]
    [InlineData(200, "application/json", "{\"data\":1}", "Required property 'error' not found", "{\"data\":1}")]
    [InlineData(200, "application/json", "{\"error\":null,\"data\":1}", "HTTP 200 with a body that is not its JSON envelope", "{\"error\":null")]
    [InlineData(200, "application/json", "{\"error\":{\"message\":\"x\"},\"data\":1}", "Required property 'code' not found", "{\"error\"")]
    [InlineData(200, "application/json", "{\"error\":{\"code\":\"abc\"},\"data\":1}", "Could not convert string to integer: abc", "{\"error\"")]
    [InlineData(200, "application/json", "[1,2,3]", "HTTP 200 with a body that is not its JSON envelope", "[1,2,3]")]
    [InlineData(200, "application/json", "null", "HTTP 200 with a body that is not its JSON envelope", "null")]
    public async Task Anything_but_an_envelope_throws_a_protocol_exception_saying_what_came_back(int status, string contentType, string body, string expectedReason, string expectedExcerpt)
    {
        using var api = new LocalApiServer().Answer(LocalApiServer.ProxyUpdatePath, body, status, contentType);

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal("UpdateProxy", error.Operation);
        Assert.Contains(expectedReason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(expectedExcerpt, error.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains(api.Server.Url!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_body_is_cut_to_a_short_excerpt()
    {
        var body = "<html>" + new string('x', 100_000) + "</html>";
        using var api = new LocalApiServer().Answer(LocalApiServer.ProxyUpdatePath, body, 503, "text/html");

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Equal(203, error.ResponseExcerpt.Length);
        Assert.EndsWith("...", error.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Contains("Body (100013 characters), starts with", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 1000);
    }

    [Theory]
    [InlineData(LocalApiServer.ProxyUpdatePath, "{\"error\":{\"code\":0,\"message\":\"success\",\"time\":1},\"data\":\"success\"}", "data was a string, where the spec documents the integer 1")]
    [InlineData(LocalApiServer.ProxyUpdatePath, "{\"error\":{\"code\":0,\"message\":\"success\",\"time\":1}}", "data was absent")]
    [InlineData(LocalApiServer.ExtractionPath, "{\"error\":{\"code\":0,\"message\":\"success\",\"time\":1},\"data\":1}", "data was the integer 1, where the spec documents the string \"success\"")]
    [InlineData(LocalApiServer.ExtractionPath, "{\"error\":{\"code\":0,\"message\":\"success\",\"time\":1},\"data\":{\"a\":1}}", "data was an object")]
    public async Task Success_with_data_of_an_unexpected_type_is_a_protocol_error(string path, string body, string expected)
    {
        using var api = new LocalApiServer().Answer(path, body);

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => path == LocalApiServer.ExtractionPath
            ? api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction())
            : api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(200, error.StatusCode);
    }
}
