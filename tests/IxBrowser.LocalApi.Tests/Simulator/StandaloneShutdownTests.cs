using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>
/// The standalone simulator keeps what it acknowledged: SIGTERM under concurrent writes, a large
/// state, the dump's mode and atomicity; and every misuse (a hostile state file, a taken port, a dump
/// path that cannot be written) is one clear line with exit code 2, before anything is served.
/// </summary>
public sealed class StandaloneShutdownTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ixb-stop-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task After_SIGTERM_under_concurrent_writes_every_acknowledged_write_is_in_the_dump()
    {
        var dump = Path.Combine(_folder, "dump.json");
        var port = StandaloneSimulatorTests.FreePort();
        // Latency keeps requests in flight when the signal comes: those must finish and be in the dump.
        using var simulator = await StandaloneSimulatorTests.StartAsync($"--listen 127.0.0.1:{port} --dump-state \"{dump}\" --latency-ms 100");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var created = new ConcurrentBag<long>();
        var lastNote = new ConcurrentDictionary<int, int>();
        using var stop = new CancellationTokenSource();

        // Sixteen writers: each creates proxies and rotates a note, one request at a time.
        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var create = await Post(http, "api/v2/proxy-create", $"{{\"proxy_type\":\"http\",\"proxy_ip\":\"10.{w}.{i / 250}.{i % 250}\",\"proxy_port\":\"8080\",\"proxy_user\":\"\"}}");
                    if ((int?)create?["error"]?["code"] == 0)
                    {
                        created.Add((long)create["data"]!);
                    }

                    var update = await Post(http, "api/v2/proxy-update", $"{{\"id\":24320,\"note\":\"w{w}-{i}\"}}".Replace("24320", (w == 0 ? 24320 : 24330).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
                    if ((int?)update?["error"]?["code"] == 0 && w < 2)
                    {
                        lastNote[w] = i;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The server went away mid-request: not acknowledged, so it may or may not be in the dump.
                    return;
                }
            }
        })).ToList();

        await Task.Delay(3000);
        SimulatorApp.Terminate(simulator);
        Assert.True(simulator.WaitForExit(TimeSpan.FromMinutes(1)), "the simulator did not stop after SIGTERM");
        stop.Cancel();
        await Task.WhenAll(writers);

        Assert.Equal(0, simulator.ExitCode);
        Assert.True(created.Count >= 20, $"only {created.Count} creates were acknowledged: the test proves little");
        var state = JObject.Parse(await File.ReadAllTextAsync(dump));
        var ids = ((JArray)state["Proxies"]!).Select(p => (long)p["Id"]!).ToHashSet();
        var missing = created.Where(id => !ids.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {created.Count} acknowledged creates are missing from the dump");

        // Writer 0 alone rotates proxy 24320's note: the dump holds its last acknowledged note, or the
        // next one if that was applied but its answer lost in the shutdown.
        var note = (string?)((JArray)state["Proxies"]!).Single(p => (long)p["Id"]! == 24320)["Note"];
        var last = lastNote.TryGetValue(0, out var acknowledged) ? acknowledged : -1;
        Assert.Contains(note, new[] { $"w0-{last}", $"w0-{last + 1}" });
        output.WriteLine($"Simulator shutdown: SIGTERM with 16 writers and 100 ms latency, {created.Count} acknowledged creates, {missing.Count} missing from the dump");
    }

    [Fact]
    public async Task The_dump_is_readable_by_its_owner_only_and_leaves_no_temporary_file()
    {
        var dump = Path.Combine(_folder, "dump.json");
        var port = StandaloneSimulatorTests.FreePort();
        using var simulator = await StandaloneSimulatorTests.StartAsync($"--listen 127.0.0.1:{port} --dump-state \"{dump}\"");

        SimulatorApp.Terminate(simulator);
        Assert.True(simulator.WaitForExit(TimeSpan.FromMinutes(1)));

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dump));
        }

        Assert.Equal(new[] { "dump.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
        Assert.Equal(24330, (long)JObject.Parse(await File.ReadAllTextAsync(dump))["Proxies"]!.Last!["Id"]!);
    }

    [Fact]
    public async Task A_large_state_is_written_in_full_after_SIGTERM()
    {
        const int count = 120_000;
        var seed = Path.Combine(_folder, "seed.json");
        var dump = Path.Combine(_folder, "dump.json");
        var proxies = string.Join(",", Enumerable.Range(1, count).Select(i => $"{{\"Id\":{i},\"ProxyIp\":\"10.{i / 65536}.{i / 256 % 256}.{i % 256}\",\"ProxyPassword\":\"pw{i}\"}}"));
        await File.WriteAllTextAsync(seed, "{\"Proxies\":[" + proxies + "]}");
        var port = StandaloneSimulatorTests.FreePort();
        using var simulator = await StandaloneSimulatorTests.StartAsync($"--listen 127.0.0.1:{port} --state \"{seed}\" --dump-state \"{dump}\"");

        var clock = Stopwatch.StartNew();
        SimulatorApp.Terminate(simulator);
        Assert.True(simulator.WaitForExit(TimeSpan.FromMinutes(2)));
        clock.Stop();

        Assert.Equal(0, simulator.ExitCode);
        Assert.Equal(count, ((JArray)JObject.Parse(await File.ReadAllTextAsync(dump))["Proxies"]!).Count);
        output.WriteLine($"Simulator shutdown: {count} proxies written {clock.ElapsedMilliseconds} ms after SIGTERM");
    }

    public static TheoryData<string, string, string> HostileStates() => new()
    {
        { "a null record", """{"Proxies":[null]}""", "Proxies[0] is null" },
        { "null tags", """{"Proxies":[{"Id":5,"Tags":null}]}""", "Proxies[0].Tags is null" },
        { "a null list", """{"Proxies":null}""", "Proxies is null" },
        { "duplicate ids", """{"Proxies":[{"Id":7},{"Id":7}]}""", "Proxies[1] has id 7, as Proxies[0] does" },
        { "no room for creates", """{"Proxies":[{"Id":9223372036854775807}]}""", "leaves no room for the ids that creates give" },
        { "an id of 0", """{"Profiles":[{"Id":0}]}""", "Profiles[0] has id 0: ids are at least 1" },
        { "a wrong type", """{"Proxies":[{"Id":"seven"}]}""", "Path 'Proxies[0].Id'" },
        { "an unknown field", """{"Proxys":[]}""", "Proxys" },
        { "not JSON", """{"Proxies":[""", "is not a simulator state" },
        { "null", "null", "holds null" },
    };

    [Theory]
    [MemberData(nameof(HostileStates))]
    public void A_hostile_state_file_ends_with_the_bad_record_named_and_exit_code_2(string what, string json, string expected)
    {
        var seed = Path.Combine(_folder, "seed.json");
        File.WriteAllText(seed, json);

        var (exitCode, error) = Run($"--listen 127.0.0.1:{StandaloneSimulatorTests.FreePort()} --state \"{seed}\"");

        Assert.True(exitCode == 2, $"{what}: exit code {exitCode}: {error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taken_port_is_one_clear_line()
    {
        using var holder = new TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;

        var (exitCode, error) = Run($"--listen 127.0.0.1:{port}");

        Assert.Equal(2, exitCode);
        Assert.Contains($"Cannot listen on 127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("already in use", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.True(error.Trim().Split('\n').Length <= 2, error);
    }

    [Fact]
    public void A_dump_path_in_a_missing_folder_is_refused_before_serving()
    {
        var dump = Path.Combine(_folder, "no-such-folder", "dump.json");

        var (exitCode, error) = Run($"--listen 127.0.0.1:{StandaloneSimulatorTests.FreePort()} --dump-state \"{dump}\"");

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Error) Run(string arguments)
    {
        using var process = SimulatorApp.Start(arguments);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the simulator did not end: " + error);
        return (process.ExitCode, error);
    }

    private static async Task<JObject?> Post(HttpClient http, string path, string body)
    {
        using var answer = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await answer.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JObject.Parse(text);
    }
}
