using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace IxBrowser.LocalApi.Tests.Hostile;

/// <summary>
/// A server that redirects (something else on the port, or a hostile one) must never receive the body
/// at the Location's host, and a redirected call is never a success. Every 3xx, to another port and
/// to another host name, through every way of making a client.
/// </summary>
public class RedirectTests
{
    private const string Password = "redirect-PASS-5c1e";

    public static TheoryData<int, string, string> Cases()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            foreach (var host in new[] { "127.0.0.1", "localhost" })
            {
                foreach (var client in new[] { "dependency injection", "options constructor" })
                {
                    data.Add(status, host, client);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_clients_own_handler_never_follows_a_redirect(int status, string host, string how)
    {
        using var redirector = WireMockServer.Start();
        using var elsewhere = Elsewhere();
        var location = $"http://{host}:{elsewhere.Port}/api/v2/proxy-update";
        redirector.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", location));
        var address = new Uri(redirector.Url! + "/");
        IxBrowserClient.ResetSharedGate(address);

        using var services = new ServiceCollection().AddIxBrowserClient(o => o.BaseAddress = address).Services.BuildServiceProvider();
        IIxBrowserClient client = how == "dependency injection"
            ? services.GetRequiredService<IIxBrowserClient>()
            : new IxBrowserClient(new IxBrowserClientOptions { BaseAddress = address });

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1, ProxyPassword = Password }));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains($"HTTP {status}, a redirect to {location}", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent there", error.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.LogEntries);
        Assert.Single(redirector.LogEntries);
        Assert.Equal(1, error.Attempts);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_users_HttpClient_that_follows_never_carries_the_body_and_is_never_a_success(int status)
    {
        using var redirector = WireMockServer.Start();
        using var elsewhere = Elsewhere();
        redirector.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", $"http://localhost:{elsewhere.Port}/api/v2/proxy-update"));
        var address = new Uri(redirector.Url! + "/");
        IxBrowserClient.ResetSharedGate(address);

        // HttpClient's default handler follows redirects: the case the client must detect.
        using var http = new HttpClient { BaseAddress = address };
        var client = new IxBrowserClient(http);

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1, ProxyPassword = Password }));

        Assert.Contains("redirect", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.LogEntries, e => (e.RequestMessage?.Body ?? string.Empty).Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(elsewhere.LogEntries, e => e.RequestMessage?.Method == "POST" && !string.IsNullOrEmpty(e.RequestMessage.Body));
        Assert.Single(redirector.LogEntries);
    }

    // Answers a success to anything, so that a followed redirect would look like one.
    private static WireMockServer Elsewhere()
    {
        var server = WireMockServer.Start();
        server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"error":{"code":0,"message":"success"},"data":1}"""));
        return server;
    }
}
