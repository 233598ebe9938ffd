using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>
/// The simulator as a server of its own (the ixbrowser-simulator tool), started as a separate process
/// and driven with plain HTTP, as a script in any language would.
/// </summary>
public sealed class StandaloneSimulatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ixb-sim-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Serves_plain_HTTP_from_a_seeded_state_and_dumps_its_state_on_exit()
    {
        var seed = Path.Combine(_folder, "seed.json");
        var dump = Path.Combine(_folder, "dump.json");
        await File.WriteAllTextAsync(seed, """{"Proxies":[{"Id":5,"ProxyType":"http","ProxyIp":"192.0.2.5","ProxyPort":"8080"}],"Profiles":[{"Id":42,"Name":"seeded"}]}""");
        var port = FreePort();

        using var simulator = await StartAsync($"--listen 127.0.0.1:{port} --state \"{seed}\" --dump-state \"{dump}\"");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var proxies = await PostAsync(http, "api/v2/proxy-list", "{}");
        var created = await PostAsync(http, "api/v2/proxy-create", """{"proxy_type":"socks5","proxy_ip":"192.0.2.6","proxy_port":"1080","proxy_user":""}""");
        var profiles = await PostAsync(http, "api/v2/profile-list", "{}");
        var unknown = await http.PostAsync("api/v2/no-such-operation", new StringContent("{}", Encoding.UTF8, "application/json"));
        var output = await StopAsync(simulator);

        Assert.Equal(1, (int)proxies["data"]!["total"]!);
        Assert.Equal(5, (long)proxies["data"]!["data"]![0]!["id"]!);
        Assert.Equal(6, (long)created["data"]!);
        Assert.Equal("seeded", (string?)profiles["data"]!["data"]![0]!["name"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, simulator.ExitCode);
        Assert.Contains("Stopping after 3 requests.", output, StringComparison.Ordinal);
        Assert.Contains("State written to", output, StringComparison.Ordinal);
        var state = JObject.Parse(await File.ReadAllTextAsync(dump));
        Assert.Equal(new long[] { 5, 6 }, ((JArray)state["Proxies"]!).Select(p => (long)p["Id"]!));
    }

    [Fact]
    public async Task Faults_come_from_flags()
    {
        var port = FreePort();

        using var simulator = await StartAsync($"--listen 127.0.0.1:{port} --throttle 1 --latency-ms 200");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var clock = Stopwatch.StartNew();
        var first = await PostAsync(http, "api/v2/group-list", "{}");
        var elapsed = clock.Elapsed;
        var burst = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(http, "api/v2/group-list", "{}")));
        await StopAsync(simulator);

        Assert.Equal(0, (int)first["error"]!["code"]!);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(190), $"the answer came after {elapsed.TotalMilliseconds} ms, before the latency asked for");
        Assert.Contains(1010, burst.Select(answer => (int)answer["error"]!["code"]!));
    }

    [Theory]
    [InlineData("--listen nonsense", "--listen must be host:port")]
    [InlineData("--failure-rate 2", "--failure-rate must be from 0 to 1")]
    public void A_bad_flag_ends_with_a_clear_error_and_exit_code_2(string arguments, string expected)
    {
        using var process = SimulatorApp.Start(arguments);
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    internal static async Task<Process> StartAsync(string arguments)
    {
        var process = SimulatorApp.Start(arguments);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains("listening on", StringComparison.Ordinal))
            {
                return process;
            }

            Assert.True(DateTime.UtcNow < deadline, "the simulator did not start: " + line);
        }

        throw new InvalidOperationException("the simulator exited before listening: " + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>Presses Enter, as a user at the console would, and returns what the simulator printed after it started.</summary>
    private static async Task<string> StopAsync(Process simulator)
    {
        await simulator.StandardInput.WriteLineAsync();
        var rest = await simulator.StandardOutput.ReadToEndAsync();
        Assert.True(simulator.WaitForExit(TimeSpan.FromMinutes(1)), "the simulator did not stop");
        return rest;
    }

    internal static async Task<JObject> PostAsync(HttpClient http, string path, string body)
    {
        using var answer = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JObject.Parse(await answer.Content.ReadAsStringAsync());
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
