using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Production;

public class OptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new IxBrowserClientOptions();

        Assert.Null(options.BaseAddress);   // not set: the HttpClient's BaseAddress, else http://127.0.0.1:53200/
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(3, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MaxRetryDelay);
        Assert.Equal(1, options.MaxConcurrentRequests);
        Assert.False(options.AllowRemoteHost);
    }

    public static TheoryData<Action<IxBrowserClientOptions>, string> InvalidOptions() => new()
    {
        { o => o.BaseAddress = new Uri("api/v2", UriKind.Relative), "IxBrowserClientOptions.BaseAddress must be an absolute http:// or https:// URL such as http://127.0.0.1:53200, not \"api/v2\"" },
        { o => o.BaseAddress = new Uri("ftp://127.0.0.1/"), "IxBrowserClientOptions.BaseAddress must be an absolute http:// or https:// URL" },
        { o => o.BaseAddress = new Uri("http://127.0.0.1:53200/api/"), "IxBrowserClientOptions.BaseAddress must be the server's root, such as http://127.0.0.1:53200, not http://127.0.0.1:53200/api/: the client adds /api/v2/<operation> itself." },
        { o => o.Timeout = TimeSpan.FromSeconds(-1), "IxBrowserClientOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan to disable it), not -00:00:01" },
        { o => o.Timeout = TimeSpan.Zero, "IxBrowserClientOptions.Timeout must be positive" },
        { o => o.MaxRetryAttempts = -1, "IxBrowserClientOptions.MaxRetryAttempts must be from 0 (no retries) to 10, not -1" },
        { o => o.MaxRetryAttempts = 11, "not 11" },
        { o => o.RetryBaseDelay = TimeSpan.FromSeconds(-1), "IxBrowserClientOptions.RetryBaseDelay must not be negative" },
        { o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(100), "IxBrowserClientOptions.MaxRetryDelay (00:00:00.1000000) must not be shorter than RetryBaseDelay (00:00:00.5000000)" },
        { o => o.MaxConcurrentRequests = 0, "IxBrowserClientOptions.MaxConcurrentRequests must be at least 1, not 0" },
        { o => o.BaseAddress = new Uri("http://192.168.1.20:53200"), "IxBrowserClientOptions.BaseAddress http://192.168.1.20:53200/ is not this machine" },
        { o => o.BaseAddress = new Uri("http://ixbrowser-box:53200"), "proxy passwords and extraction links would cross the network in clear text" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_refused_with_the_option_and_the_fix(Action<IxBrowserClientOptions> spoil, string expected)
    {
        var options = new IxBrowserClientOptions();
        spoil(options);
        using var http = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => new IxBrowserClient(http, options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
    }

    [Theory]
    [InlineData("http://127.0.0.1:53200", false)]
    [InlineData("http://localhost:53200", false)]
    [InlineData("http://[::1]:53200", false)]
    [InlineData("http://127.0.0.2:1234", false)]
    [InlineData("https://ixbrowser-box.example:53200", false)]
    [InlineData("http://192.168.1.20:53200", true)]
    public void Loopback_and_https_are_allowed_remote_plain_http_only_when_opted_in(string address, bool allowRemoteHost)
    {
        using var http = new HttpClient();

        var client = new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = new Uri(address), AllowRemoteHost = allowRemoteHost });

        Assert.Equal(new Uri(address), client.BaseAddress);
    }

    [Fact]
    public void The_plain_constructor_refuses_a_remote_plain_http_address_and_says_how_to_allow_it()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://192.168.1.5:53200") };

        var error = Assert.Throws<ArgumentException>(() => new IxBrowserClient(http));

        Assert.StartsWith("The HttpClient's BaseAddress http://192.168.1.5:53200/ is not this machine.", error.Message, StringComparison.Ordinal);
        Assert.Contains("new IxBrowserClient(httpClient, new IxBrowserClientOptions { AllowRemoteHost = true })", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_without_an_address_use_the_HttpClients_BaseAddress()
    {
        using var simulator = IxBrowser.LocalApi.Testing.IxBrowserSimulator.Start();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        var client = new IxBrowserClient(http, new IxBrowserClientOptions { MaxConcurrentRequests = 4 });
        await client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "reached" });

        Assert.Equal(simulator.BaseAddress, client.BaseAddress);
        Assert.Equal("reached", simulator.GetProxy(24330)!.Note);
    }

    [Fact]
    public void An_HttpClient_address_and_an_options_address_that_disagree_are_refused_naming_both()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:41000/") };

        var error = Assert.Throws<ArgumentException>(() => new IxBrowserClient(http, new IxBrowserClientOptions { BaseAddress = new Uri("http://127.0.0.1:53200") }));

        Assert.Equal("The HttpClient's BaseAddress (http://127.0.0.1:41000/) and IxBrowserClientOptions.BaseAddress (http://127.0.0.1:53200/) disagree. Set only one of them, or set both to the same address. (Parameter 'options')", error.Message);
    }

    [Fact]
    public void The_same_address_on_both_is_accepted_and_no_address_anywhere_is_the_default()
    {
        using var withAddress = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:41000") };
        using var without = new HttpClient();

        Assert.Equal(new Uri("http://127.0.0.1:41000/"), new IxBrowserClient(withAddress, new IxBrowserClientOptions { BaseAddress = new Uri("http://127.0.0.1:41000/") }).BaseAddress);
        Assert.Equal(IxBrowserClient.DefaultBaseAddress, new IxBrowserClient(without, new IxBrowserClientOptions()).BaseAddress);
        Assert.Equal(IxBrowserClient.DefaultBaseAddress, new IxBrowserClient(without).BaseAddress);
    }

    [Fact]
    public void An_HttpClient_address_with_a_path_is_refused_instead_of_answering_404_later()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:53200/api/") };

        var error = Assert.Throws<ArgumentException>(() => new IxBrowserClient(http));

        Assert.Contains("The HttpClient's BaseAddress must be the server's root, such as http://127.0.0.1:53200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_copied_so_later_changes_have_no_effect()
    {
        using var api = new LocalApiServer().AnswerSuccess();
        var options = new IxBrowserClientOptions { BaseAddress = new Uri(api.Server.Url!) };
        using var http = new HttpClient();
        var client = new IxBrowserClient(http, options);

        options.BaseAddress = new Uri("http://127.0.0.1:1/");

        Assert.Equal(new Uri(api.Server.Url! + "/"), client.BaseAddress);
    }

    [Fact]
    public void An_infinite_timeout_is_allowed()
    {
        using var http = new HttpClient();

        _ = new IxBrowserClient(http, new IxBrowserClientOptions { Timeout = Timeout.InfiniteTimeSpan });
    }
}
