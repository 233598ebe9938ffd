using System;
using System.Net.Http;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IxBrowser.LocalApi.Tests.Wire;

public class DefaultAddressTests
{
    [Fact]
    public async Task A_plain_HttpClient_talks_to_127_0_0_1_port_53200()
    {
        // ixBrowser's documented address. The netstandard2.0 test project runs this same test in another
        // process, possibly at the same moment: wait for the port rather than fail on the other's bind.
        using var server = StartOnDefaultPort();
        server.Given(Request.Create().WithPath(LocalApiServer.ProxyUpdatePath).UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Envelopes.ProxyUpdateSuccess));
        using var http = new HttpClient();

        var client = new IxBrowserClient(http);
        var response = await client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "x" });

        Assert.Equal(new Uri("http://127.0.0.1:53200/"), client.BaseAddress);
        Assert.Equal(1, response.Data);
        Assert.Single(server.LogEntries);
    }

    private static WireMockServer StartOnDefaultPort()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return WireMockServer.Start(new WireMockServerSettings { Urls = new[] { "http://127.0.0.1:53200" } });
            }
            catch (Exception e) when (e.ToString().Contains("address already in use", StringComparison.OrdinalIgnoreCase) && DateTime.UtcNow < deadline)
            {
                System.Threading.Thread.Sleep(200);
            }
        }
    }

    [Fact]
    public async Task The_HttpClients_base_address_wins_when_it_has_one()
    {
        using var api = new LocalApiServer().AnswerSuccess();

        await api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1 });

        Assert.Equal(new Uri(api.Server.Url! + "/"), api.Client.BaseAddress);
        Assert.Single(api.Requests);
    }

    [Fact]
    public void A_null_HttpClient_is_rejected()
    {
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new IxBrowserClient((HttpClient)null!)).ParamName);
    }
}
