using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using IxBrowser.LocalApi.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IxBrowser.LocalApi.Tests.Production;

public class DependencyInjectionTests
{
    [Fact]
    public void Defaults_resolve_a_typed_client_for_the_default_address()
    {
        using var provider = new ServiceCollection().AddLogging().AddIxBrowserClient().Services.BuildServiceProvider();

        var client = provider.GetRequiredService<IIxBrowserClient>();

        var concrete = Assert.IsType<IxBrowserClient>(client);
        Assert.Equal(new Uri("http://127.0.0.1:53200/"), concrete.BaseAddress);
        Assert.NotNull(provider.GetService<IHttpClientFactory>());
    }

    [Fact]
    public async Task Options_set_in_code_reach_the_client()
    {
        using var simulator = IxBrowserSimulator.Start();
        var services = new ServiceCollection();
        services.AddIxBrowserClient(o => o.BaseAddress = simulator.BaseAddress);
        using var provider = services.BuildServiceProvider();

        var response = await provider.GetRequiredService<IIxBrowserClient>().UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "x" });

        Assert.Equal(1, response.Data);
        Assert.Equal("x", simulator.GetProxy(24330)!.Note);
        Assert.Equal("""{"id":24330,"note":"x"}""", Assert.Single(simulator.ReceivedRequests).RawBody);
    }

    [Fact]
    public void Options_bind_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IxBrowser:BaseAddress"] = "http://127.0.0.1:60000",
            ["IxBrowser:Timeout"] = "00:00:05",
            ["IxBrowser:MaxRetryAttempts"] = "1",
            ["IxBrowser:RetryBaseDelay"] = "00:00:00.250",
            ["IxBrowser:MaxRetryDelay"] = "00:00:02",
            ["IxBrowser:MaxConcurrentRequests"] = "2",
            ["IxBrowser:AllowRemoteHost"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddIxBrowserClient(configuration.GetSection("IxBrowser"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<IxBrowserClientOptions>>().Value;
        var client = (IxBrowserClient)provider.GetRequiredService<IIxBrowserClient>();

        Assert.Equal(new Uri("http://127.0.0.1:60000/"), client.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(1, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxRetryDelay);
        Assert.Equal(2, options.MaxConcurrentRequests);
        Assert.True(options.AllowRemoteHost);
    }

    [Theory]
    [InlineData("BaseAddress", "api/v2", "IxBrowserClientOptions.BaseAddress must be an absolute http:// or https:// URL")]
    [InlineData("Timeout", "-00:00:01", "IxBrowserClientOptions.Timeout must be positive")]
    [InlineData("MaxConcurrentRequests", "0", "IxBrowserClientOptions.MaxConcurrentRequests must be at least 1")]
    [InlineData("BaseAddress", "http://10.0.0.7:53200", "is not this machine")]
    public void Invalid_configuration_fails_at_startup_naming_the_option(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["IxBrowser:" + key] = value }).Build();
        var services = new ServiceCollection();
        services.AddIxBrowserClient(configuration.GetSection("IxBrowser"));
        using var provider = services.BuildServiceProvider();

        // What a host runs at startup (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        // Without a host, the first resolution fails the same way.
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IIxBrowserClient>());
    }

    [Fact]
    public async Task The_returned_builder_adds_handlers_and_handlers_are_pooled_not_created_per_call()
    {
        using var api = new LocalApiServer().AnswerSuccess();
        var created = 0;
        var seen = 0;
        var services = new ServiceCollection();
        services.AddIxBrowserClient(o => o.BaseAddress = new Uri(api.Server.Url!))
            .AddHttpMessageHandler(() =>
            {
                Interlocked.Increment(ref created);
                return new CountingHandler(() => Interlocked.Increment(ref seen));
            });
        using var provider = services.BuildServiceProvider();

        for (var i = 0; i < 20; i++)
        {
            await provider.GetRequiredService<IIxBrowserClient>().UpdateProxyAsync(new UpdateProxyRequest { Id = 1 });
        }

        Assert.Equal(20, seen);
        Assert.Equal(1, created);
    }

    [Fact]
    public async Task The_concurrency_limit_holds_across_resolved_clients()
    {
        using var api = new LocalApiServer();
        var probe = new ConcurrencyProbe();
        probe.Install(api.Server, LocalApiServer.ProxyUpdatePath, limit: 1, Envelopes.ProxyUpdateSuccess);
        var services = new ServiceCollection();
        services.AddIxBrowserClient(o => { o.BaseAddress = new Uri(api.Server.Url!); o.MaxRetryAttempts = 0; });
        using var provider = services.BuildServiceProvider();

        // A new transient client per call, as a scoped service would get: they must still share one limit.
        await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            provider.GetRequiredService<IIxBrowserClient>().UpdateProxyAsync(new UpdateProxyRequest { Id = i })));

        Assert.Equal(1, probe.MaxInFlight);
        Assert.Equal(0, probe.Throttled);
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
