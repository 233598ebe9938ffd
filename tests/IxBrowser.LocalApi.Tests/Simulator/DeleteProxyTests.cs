using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>proxy-delete, the operation added the spec-only way: the client method and the simulator's behaviour.</summary>
public class DeleteProxyTests
{
    [Fact]
    public async Task Deletes_the_proxy_and_answers_1()
    {
        using var simulator = IxBrowserSimulator.Start();

        var response = await simulator.Client.DeleteProxyAsync(new DeleteProxyRequest { Id = IxBrowserSimulator.DocsProxyId });

        Assert.Equal(1, response.Data);
        Assert.Null(simulator.GetProxy(IxBrowserSimulator.DocsProxyId));
        Assert.Equal("""{"id":24330}""", Assert.Single(simulator.ReceivedRequests).RawBody);
        Assert.Equal(IxBrowserClient.DeleteProxyPath, simulator.ReceivedRequests.Single().Path);
    }

    [Fact]
    public async Task An_unknown_proxy_is_2002_and_deleting_twice_is_harmless()
    {
        using var simulator = IxBrowserSimulator.Start();
        await simulator.Client.DeleteProxyAsync(new DeleteProxyRequest { Id = IxBrowserSimulator.DocsProxyId });

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.DeleteProxyAsync(new DeleteProxyRequest { Id = IxBrowserSimulator.DocsProxyId }));

        Assert.Equal(IxBrowserErrorCodes.ProxyNotFound, error.Code);
        Assert.Equal(IxBrowserClient.DeleteProxyOperation, error.Operation);
    }

    [Fact]
    public async Task A_proxy_a_profile_uses_is_refused_with_108002_and_kept()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.AddProfile(new SimulatedProfile { Id = 7, ProxyId = IxBrowserSimulator.DocsProxyId });

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.DeleteProxyAsync(new DeleteProxyRequest { Id = IxBrowserSimulator.DocsProxyId }));

        Assert.Equal(IxBrowserErrorCodes.ProxyDeleteProxyInUse, error.Code);
        Assert.Equal(108002, error.Code);
        Assert.NotNull(simulator.GetProxy(IxBrowserSimulator.DocsProxyId));
    }

    [Fact]
    public async Task A_transient_error_is_retried_because_the_spec_says_deleting_again_is_safe()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.Faults.FailNext(2, IxBrowserErrorCodes.SystemError);
        var client = simulator.CreateClient(o => o.RetryBaseDelay = System.TimeSpan.FromMilliseconds(1));

        await client.DeleteProxyAsync(new DeleteProxyRequest { Id = IxBrowserSimulator.DocsProxyId });

        Assert.Equal(3, simulator.ReceivedRequests.Count);
        Assert.Null(simulator.GetProxy(IxBrowserSimulator.DocsProxyId));
    }

    [Fact]
    public void A_non_positive_id_is_refused_before_sending()
    {
        using var simulator = IxBrowserSimulator.Start();

        var error = Assert.Throws<System.ArgumentException>(() => { _ = simulator.Client.DeleteProxyAsync(new DeleteProxyRequest { Id = 0 }); });

        Assert.Equal("request.Id", error.ParamName);
        Assert.Contains("Id (id) must be at least 1, not 0", error.Message, System.StringComparison.Ordinal);
        Assert.Empty(simulator.ReceivedRequests);
    }
}
