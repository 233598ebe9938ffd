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
        // ixBrowser's documented address. Binding it fails only if something else holds the port, which
        // on a CI machine would itself be worth knowing about.
        using var server = WireMockServer.Start(new WireMockServerSettings { Urls = new[] { "http://127.0.0.1:53200" } });
        server.Given(Request.Create().WithPath(LocalApiServer.ProxyUpdatePath).UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Envelopes.ProxyUpdateSuccess));
        using var http = new HttpClient();

        var client = new IxBrowserClient(http);
        var response = await client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "x" });

        Assert.Equal(new Uri("http://127.0.0.1:53200/"), client.BaseAddress);
        Assert.Equal(1, response.Data);
        Assert.Single(server.LogEntries);
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
