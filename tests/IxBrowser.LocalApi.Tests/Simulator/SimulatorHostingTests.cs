using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>Every answer on an API path is the envelope, memory stays bounded, and records never show a secret.</summary>
public class SimulatorHostingTests
{
    public static TheoryData<string, string, int> OddBodies() => new()
    {
        { "/api/v2/proxy-list", """{"page":3000000000}""", 0 },
        { "/api/v2/proxy-list", """{"page":99999999999999999999999}""", 1000 },
        { "/api/v2/proxy-update", """{"id":24330,"proxy_port":{"a":1}}""", 1000 },
        { "/api/v2/proxy-update", """{"id":1e400}""", IxBrowserErrorCodes.ProxyIdEmpty },
        { "/api/v2/proxy-create", """{"proxy_type":"http","proxy_ip":"1.2.3.4","proxy_port":"80","proxy_user":"","tag":[{"x":1}]}""", 1000 },
        { "/api/v2/profile-list", """[1,2,3]""", 1000 },
        { "/api/v2/profile-list", """{"page":-5}""", 1000 },
    };

    [Theory]
    [MemberData(nameof(OddBodies))]
    public async Task Wrong_types_and_overflows_answer_the_envelope_never_HTTP_500(string path, string body, int code)
    {
        using var simulator = IxBrowserSimulator.Start();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var answer = await http.PostAsync(path.TrimStart('/'), new StringContent(body, Encoding.UTF8, "application/json"));
        var envelope = JObject.Parse(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(code, (int)envelope["error"]!["code"]!);
    }

    [Fact]
    public async Task A_page_far_past_the_end_is_empty_not_everything()
    {
        using var simulator = IxBrowserSimulator.Start();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var answer = await http.PostAsync("api/v2/proxy-list", new StringContent("""{"page":1073741825,"limit":4}""", Encoding.UTF8, "application/json"));
        var data = JObject.Parse(await answer.Content.ReadAsStringAsync())["data"]!;

        Assert.Equal(3, (int)data["total"]!);
        Assert.Empty((JArray)data["data"]!);
    }

    [Fact]
    public async Task A_body_above_the_limit_is_refused_with_413_and_an_envelope()
    {
        using var simulator = IxBrowserSimulator.Start(new IxBrowserSimulatorOptions { MaxRequestBodyBytes = 2048 });
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        var body = "{\"id\":24330,\"note\":\"" + new string('n', 5000) + "\"}";

        using var answer = await http.PostAsync("api/v2/proxy-update", new StringContent(body, Encoding.UTF8, "application/json"));
        var envelope = JObject.Parse(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal(1000, (int)envelope["error"]!["code"]!);
        Assert.Contains("larger than 2048 bytes", (string)envelope["error"]!["message"]!, StringComparison.Ordinal);
        Assert.Equal(string.Empty, simulator.GetProxy(24330)!.Note);
        Assert.Empty(simulator.ReceivedRequests);
    }

    [Fact]
    public async Task A_malformed_chunked_body_gets_400_with_an_envelope_and_no_stack_trace()
    {
        using var simulator = IxBrowserSimulator.Start();
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", simulator.BaseAddress.Port);
        var stream = client.GetStream();
        var request = "POST /api/v2/proxy-list HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        var buffer = new byte[8192];
        var read = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer.AsMemory(read))) > 0)
        {
            read += n;
        }

        var answer = Encoding.UTF8.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":1000", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_log_keeps_the_latest_and_counts_all()
    {
        using var simulator = IxBrowserSimulator.Start(new IxBrowserSimulatorOptions { RecordedRequestLimit = 5 });

        for (var i = 0; i < 20; i++)
        {
            await simulator.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "n" + i });
        }

        Assert.Equal(20, simulator.ReceivedRequestCount);
        Assert.Equal(new[] { "n15", "n16", "n17", "n18", "n19" }, simulator.ReceivedRequests.Select(r => (string?)r.Body!["note"]));
    }

    [Theory]
    [InlineData("""{"id":1,"proxy\u005fpassword":"esc-SECRET-1"}""")]
    [InlineData("""{"id":1,"PROXY_PASSWORD":"esc-SECRET-1"}""")]
    [InlineData("""{"id":1,"proxy_password":["esc-SECRET-1"]}""")]
    [InlineData("""{"id":1,"proxy_password":"esc-SECRET-1""")]
    public async Task A_record_masks_a_secret_however_the_JSON_spells_it(string body)
    {
        using var simulator = IxBrowserSimulator.Start();
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };

        using var answer = await http.PostAsync("api/v2/proxy-update", new StringContent(body, Encoding.UTF8, "application/json"));

        var record = Assert.Single(simulator.ReceivedRequests).ToString();
        Assert.DoesNotContain("SECRET", record, StringComparison.Ordinal);
        Assert.Contains("***", record, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taken_address_says_so()
    {
        using var first = IxBrowserSimulator.Start();

        var error = Assert.Throws<SimulatorAddressInUseException>(() => IxBrowserSimulator.Start(first.BaseAddress));

        Assert.Contains("is already in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_state_is_refused_whole_with_the_record_named()
    {
        using var simulator = IxBrowserSimulator.Start();
        var state = new SimulatorState { Proxies = new[] { new SimulatedProxy { Id = 3 }, new SimulatedProxy { Id = 3 }, null! } };

        var error = Assert.Throws<ArgumentException>(() => simulator.ImportState(state));

        Assert.Contains("Proxies[1] has id 3, as Proxies[0] does", error.Message, StringComparison.Ordinal);
        Assert.Contains("Proxies[2] is null", error.Message, StringComparison.Ordinal);
        Assert.NotNull(simulator.GetProxy(24330));
    }
}
