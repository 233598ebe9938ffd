using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Demo;

/// <summary>
/// <c>simulate</c>: the simulator as a server any program can talk to (curl, the vendor's Python
/// client, Postman), on ixBrowser's own address by default, with state from and to JSON files and
/// faults from flags.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen")
        {
            Description = "host:port to listen on. The default is ixBrowser's own address, so code written for it runs unchanged. " +
                          "The simulator has no authentication: another interface (0.0.0.0) only on a network you trust.",
            DefaultValueFactory = _ => "127.0.0.1:53200",
        };
        var state = new Option<FileInfo?>("--state") { Description = "A JSON file to start from (as --dump-state writes it) instead of the docs' example ids." };
        var dump = new Option<FileInfo?>("--dump-state") { Description = "Where to write the state as JSON when the simulator stops." };
        var latency = new Option<int>("--latency-ms") { Description = "Delay every answer by this many milliseconds.", DefaultValueFactory = _ => 0 };
        var throttle = new Option<int?>("--throttle") { Description = "Answer error 1010 (too fast) above this many calls a second, as a busy ixBrowser does." };
        var failureRate = new Option<double>("--failure-rate") { Description = "Share of calls (0 to 1) that get a broken answer: bad JSON, HTML, an empty or cut-off body, HTTP 500, or a dropped connection.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random failures, to replay a run.", DefaultValueFactory = _ => 1 };

        var command = new Command("simulate", "Serve a simulated ixBrowser Local API until Ctrl+C (or Enter), for any program or language.")
        {
            listen, state, dump, latency, throttle, failureRate, seed,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(listen)!, parse.GetValue(state), parse.GetValue(dump), parse.GetValue(latency), parse.GetValue(throttle), parse.GetValue(failureRate), parse.GetValue(seed), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string listen, FileInfo? state, FileInfo? dump, int latencyMs, int? throttle, double failureRate, int seed, CancellationToken cancellationToken)
    {
        if (!TryParseListen(listen, out var address))
        {
            return Usage($"--listen must be host:port, such as 127.0.0.1:53200 or 0.0.0.0:53200, not \"{listen}\".");
        }

        if (latencyMs < 0 || throttle is < 1 || failureRate is < 0 or > 1)
        {
            return Usage("--latency-ms must not be negative, --throttle must be at least 1, and --failure-rate must be from 0 to 1.");
        }

        SimulatorState? seeded = null;
        if (state is not null)
        {
            try
            {
                seeded = JsonConvert.DeserializeObject<SimulatorState>(await File.ReadAllTextAsync(state.FullName, cancellationToken).ConfigureAwait(false))
                    ?? throw new JsonSerializationException("the file holds null");
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                return Usage($"--state {state.FullName} could not be read: {e.Message}");
            }
        }

        IxBrowserSimulator simulator;
        try
        {
            simulator = IxBrowserSimulator.Start(address);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException or ArgumentException)
        {
            Console.Error.WriteLine($"Cannot listen on {listen}: {e.Message} (is ixBrowser or another simulator running there? choose another port with --listen).");
            return 1;
        }

        using (simulator)
        {
            if (seeded is not null)
            {
                simulator.ImportState(seeded);
            }

            simulator.Faults.Latency = TimeSpan.FromMilliseconds(latencyMs);
            simulator.Faults.ThrottleAbovePerSecond = throttle;
            if (failureRate > 0)
            {
                simulator.Faults.InjectRandomly(failureRate, seed, Enum.GetValues<SimulatedFaultKind>());
            }

            if (!IPAddress.TryParse(address.Host, out var ip) || !IPAddress.IsLoopback(ip))
            {
                Console.WriteLine($"Warning: listening on {address.Host}, not only on this machine. The simulator has no authentication.");
            }

            Console.WriteLine($"Simulated ixBrowser Local API listening on {address.GetLeftPart(UriPartial.Authority)} (for example: curl -X POST {address.GetLeftPart(UriPartial.Authority)}/api/v2/proxy-list -d '{{}}').");
            Console.WriteLine("Press Ctrl+C or Enter to stop.");
            await WaitForStopAsync(cancellationToken).ConfigureAwait(false);

            Console.WriteLine($"Stopping after {simulator.ReceivedRequests.Count} requests.");
            if (dump is not null)
            {
                await File.WriteAllTextAsync(dump.FullName, JsonConvert.SerializeObject(simulator.ExportState(), Formatting.Indented), CancellationToken.None).ConfigureAwait(false);
                Console.WriteLine($"State written to {dump.FullName}.");
            }
        }

        return 0;
    }

    /// <summary>Until Ctrl+C or a line on standard input; an input that is already closed (a service, a pipe) leaves only Ctrl+C.</summary>
    private static async Task WaitForStopAsync(CancellationToken cancellationToken)
    {
        var line = Task.Run(() => Console.In.ReadLine(), CancellationToken.None);
        var stopped = Task.Delay(Timeout.Infinite, cancellationToken);
        var first = await Task.WhenAny(line, stopped).ConfigureAwait(false);
        if (first == line && await line.ConfigureAwait(false) is null)
        {
            await stopped.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private static bool TryParseListen(string listen, out Uri address)
    {
        address = null!;
        return Uri.TryCreate("http://" + listen, UriKind.Absolute, out var parsed)
            && parsed.AbsolutePath == "/" && !listen.Contains('/', StringComparison.Ordinal)
            && listen.Contains(':', StringComparison.Ordinal)
            && (address = parsed) is not null;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine("Run simulate --help to see every option.");
        return 2;
    }
}
