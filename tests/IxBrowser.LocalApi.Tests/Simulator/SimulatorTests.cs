using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using IxBrowser.LocalApi.Tests.Support;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>The simulator's behaviour, always through the real client over HTTP.</summary>
public class SimulatorTests
{
    [Fact]
    public void Starts_on_a_free_loopback_port_seeded_with_the_docs_profile_and_proxy()
    {
        using var a = IxBrowserSimulator.Start();
        using var b = IxBrowserSimulator.Start();

        Assert.True(a.BaseAddress.IsLoopback);
        Assert.NotEqual(a.BaseAddress, b.BaseAddress);
        Assert.Equal(a.BaseAddress, a.Client.BaseAddress);
        Assert.Equal(new SimulatedProxy { Id = 24330, ProxyType = "socks5", ProxyIp = "127.0.0.2", ProxyPort = "57425" }, a.GetProxy(24330));
        Assert.Equal(2, a.GetProfile(161)!.ProxyMode);
    }

    [Fact]
    public async Task Stops_on_dispose_and_frees_its_port()
    {
        var simulator = IxBrowserSimulator.Start();
        var address = simulator.BaseAddress;
        await simulator.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "before" });

        simulator.Dispose();

        // Binding the port at once proves the simulator let go of it. (A call to the old address is no
        // proof: with tests in parallel, another simulator may already have been given the freed port.)
        // ReuseAddress only lets the bind past the closed connections' TIME_WAIT; on Linux it still
        // fails while any socket listens on the port.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, address.Port);
        listener.Server.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Socket, System.Net.Sockets.SocketOptionName.ReuseAddress, true);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                listener.Start();
                break;
            }
            catch (System.Net.Sockets.SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(5))
            {
                // The server's sockets may take a moment to close after Dispose returns.
                await Task.Delay(10);
            }
        }

        Assert.Equal(address.Port, ((System.Net.IPEndPoint)listener.LocalEndpoint).Port);
    }

    [Fact]
    public async Task Proxy_update_is_a_partial_update_of_the_stored_proxy()
    {
        using var simulator = IxBrowserSimulator.Start();

        var response = await simulator.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, ProxyPort = "8080", ProxyPassword = "s3cret", Tags = new[] { "a", "b" } });

        Assert.Equal(1, response.Data);
        Assert.InRange(response.Status.Time!.Value, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        var proxy = simulator.GetProxy(24330)!;
        Assert.Equal("8080", proxy.ProxyPort);
        Assert.Equal("s3cret", proxy.ProxyPassword);
        Assert.Equal(new[] { "a", "b" }, proxy.Tags);
        Assert.Equal("127.0.0.2", proxy.ProxyIp);
        Assert.Equal("socks5", proxy.ProxyType);
    }

    [Fact]
    public async Task Empty_strings_clear_user_password_tags_and_note()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.AddProxy(new SimulatedProxy { Id = 7, ProxyUser = "u", ProxyPassword = "p", Note = "n", Tags = new[] { "t" } });

        await simulator.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 7, ProxyUser = "", ProxyPassword = "", Note = "", Tags = new ProxyTagList() });

        Assert.Equal(new SimulatedProxy { Id = 7 }, simulator.GetProxy(7));
    }

    [Theory]
    [InlineData("""{"id":999,"note":"x"}""", IxBrowserErrorCodes.ProxyNotFound)]
    [InlineData("""{"note":"x"}""", IxBrowserErrorCodes.ProxyIdEmpty)]
    [InlineData("""{"id":0}""", IxBrowserErrorCodes.ProxyIdEmpty)]
    [InlineData("""{"id":"24330"}""", IxBrowserErrorCodes.ProxyIdEmpty)]
    [InlineData("""{"id":24330,"proxy_type":"socks4"}""", IxBrowserErrorCodes.ProxyTypeOutOfRange)]
    [InlineData("""{"id":24330,"proxy_type":"scoks5"}""", IxBrowserErrorCodes.ProxyTypeOutOfRange)]
    [InlineData("""{"id":24330,"proxy_ip":""}""", IxBrowserErrorCodes.ProxyIpEmpty)]
    [InlineData("""{"id":24330,"proxy_port":""}""", IxBrowserErrorCodes.ProxyPortEmpty)]
    [InlineData("""{"id":24330,"proxy_port":8080}""", IxBrowserErrorCodes.MissingRequiredParameters)]
    [InlineData("""{"id":24330,"tag":[1]}""", IxBrowserErrorCodes.MissingRequiredParameters)]
    [InlineData("""not json""", IxBrowserErrorCodes.MissingRequiredParameters)]
    public async Task Proxy_update_answers_the_documented_codes_and_changes_nothing(string body, int code)
    {
        using var simulator = IxBrowserSimulator.Start();
        var before = simulator.Proxies;

        var envelope = await PostRawAsync(simulator, IxBrowserSimulator.ProxyUpdatePath, body);

        Assert.Equal(code, (int)envelope["error"]!["code"]!);
        Assert.Equal(JTokenType.Array, envelope["data"]!.Type);
        Assert.Empty(envelope["data"]!);
        Assert.Equal(before, simulator.Proxies);
    }

    [Fact]
    public async Task Proxy_update_refuses_to_make_a_duplicate_of_another_proxy()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.AddProxy(new SimulatedProxy { Id = 1, ProxyType = "http", ProxyIp = "10.0.0.1", ProxyPort = "80" });
        simulator.AddProxy(new SimulatedProxy { Id = 2, ProxyType = "http", ProxyIp = "10.0.0.2", ProxyPort = "80" });

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 2, ProxyIp = "10.0.0.1" }));

        Assert.Equal(IxBrowserErrorCodes.ProxyAlreadyExists, error.Code);
        Assert.Equal("10.0.0.2", simulator.GetProxy(2)!.ProxyIp);
    }

    [Fact]
    public async Task Api_extraction_stores_the_settings_on_the_profile()
    {
        using var simulator = IxBrowserSimulator.Start();

        var response = await simulator.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction());

        Assert.Equal("success", response.Data);
        var profile = simulator.GetProfile(161)!;
        Assert.Equal(4, profile.ProxyMode);
        Assert.Equal(new SimulatedExtractionSettings
        {
            ProxyCheckLine = "global_line",
            ProxyType = "socks5",
            ProxyService = "general",
            ProxyDataFormatType = "txt",
            ProxyDataTxtFormat = "ip:port",
            JsonIpField = "ip",
            JsonPortField = "port",
            ProxyExtractionMethod = "invalid",
            ProxyUrl = Requests.MarkerUrl,
        }, profile.ApiExtraction);
        Assert.DoesNotContain(Requests.MarkerUrl, profile.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_extraction_for_an_unknown_profile_is_2007()
    {
        using var simulator = IxBrowserSimulator.Start();
        var request = Requests.Extraction();
        request.ProfileId = 5;

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.UpdateProfileProxyForApiExtractionAsync(request));

        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, error.Code);
        Assert.Equal("Profile does not exist", error.ServerMessage);
    }

    [Theory]
    [InlineData("profile_id", null, IxBrowserErrorCodes.MissingRequiredParameters)]
    [InlineData("proxy_info", null, IxBrowserErrorCodes.MissingRequiredParameters)]
    [InlineData("proxy_info.proxy_mode", null, IxBrowserErrorCodes.ProxyMethodEmpty)]
    [InlineData("proxy_info.proxy_mode", "2", IxBrowserErrorCodes.ProxyMethodOutOfRange)]
    [InlineData("proxy_info.proxy_url", null, 101046)]
    [InlineData("proxy_info.proxy_url", "\"\"", 101046)]
    [InlineData("proxy_info.proxy_type", null, IxBrowserErrorCodes.MissingRequiredParameters)]
    [InlineData("proxy_info.proxy_type", "\"socks4\"", 101008)]
    [InlineData("proxy_info.proxy_service", "\"luminati\"", 101043)]
    [InlineData("proxy_info.proxy_data_format_type", "\"xml\"", 101044)]
    [InlineData("proxy_info.proxy_extraction_method", "\"always\"", 101045)]
    [InlineData("proxy_info.proxy_data_txt_format", "\"ip-port\"", 101049)]
    [InlineData("proxy_info.proxy_check_line", "\"moon_line\"", IxBrowserErrorCodes.MissingRequiredParameters)]
    public async Task Api_extraction_answers_the_documented_codes_and_changes_nothing(string field, string? value, int code)
    {
        using var simulator = IxBrowserSimulator.Start();
        var body = DocsExtractionBody();
        var parts = field.Split('.');
        var parent = parts.Length == 1 ? body : (JObject)body[parts[0]]!;
        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = JToken.Parse(value);
        }

        var envelope = await PostRawAsync(simulator, IxBrowserSimulator.ExtractionPath, body.ToString());

        Assert.Equal(code, (int)envelope["error"]!["code"]!);
        Assert.Null(simulator.GetProfile(161)!.ApiExtraction);
    }

    [Theory]
    [InlineData("ip", 101051)]
    [InlineData("port", 101052)]
    public async Task Json_format_needs_the_ip_and_port_mapping(string field, int code)
    {
        using var simulator = IxBrowserSimulator.Start();
        var body = DocsExtractionBody();
        body["proxy_info"]!["proxy_data_format_type"] = "json";
        body["proxy_info"]!["proxy_data_json_format"]![field] = "";

        var envelope = await PostRawAsync(simulator, IxBrowserSimulator.ExtractionPath, body.ToString());

        Assert.Equal(code, (int)envelope["error"]!["code"]!);
    }

    [Fact]
    public async Task Every_request_is_recorded_with_its_JSON_body()
    {
        using var simulator = IxBrowserSimulator.Start();

        await simulator.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "x" });
        await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 999999 }));

        Assert.Collection(
            simulator.ReceivedRequests,
            r => Assert.True(JToken.DeepEquals(JToken.Parse("""{"id":24330,"note":"x"}"""), r.Body)),
            r => Assert.Equal("""{"id":999999}""", r.RawBody));
        Assert.All(simulator.ReceivedRequests, r => Assert.Equal(IxBrowserSimulator.ProxyUpdatePath, r.Path));
    }

    [Fact]
    public void The_simulator_validates_against_the_spec_it_embeds()
    {
        // The drift guard: the rules come from the embedded spec, which is the repository's spec.
        var rules = SpecRules.Load();
        Assert.Equal(new[] { "http", "https", "socks5", "ssh", "direct" }.ToHashSet(), rules.AllowedValues("UpdateProxyRequest", "proxy_type")!.ToHashSet());
        Assert.True(rules.IsRequired("ApiExtractionProxyInfo", "proxy_url"));
        var error = Assert.Throws<InvalidOperationException>(() => rules.EnsureHandled("UpdateProxyRequest", new[] { "id" }));
        Assert.Contains("proxy_type", error.Message, StringComparison.Ordinal);
    }

    internal static JObject DocsExtractionBody() => JObject.Parse("""
        {"profile_id":161,"proxy_info":{"proxy_mode":4,"proxy_check_line":"global_line","proxy_type":"socks5","proxy_service":"general",
         "proxy_data_format_type":"txt","proxy_data_txt_format":"ip:port",
         "proxy_data_json_format":{"ip":"ip","port":"port","username":"username","password":"password"},
         "proxy_extraction_method":"invalid","proxy_url":"http://provider.example/get"}}
        """);

    internal static async Task<JObject> PostRawAsync(IxBrowserSimulator simulator, string path, string body)
    {
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        using var response = await http.PostAsync(path.TrimStart('/'), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }
}
