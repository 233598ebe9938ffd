using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Simulator;

/// <summary>
/// Runs the simulator until Enter, Ctrl+C or SIGTERM, then stops in order: no new connections, the
/// requests in flight finish, no write is taken any more, and the state is written atomically. Every
/// misuse ends with one line on standard error and exit code 2, before anything is served.
/// </summary>
internal sealed class SimulatorServer(ServerSettings settings)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (SettingsProblem() is { } problem)
        {
            return Usage(problem);
        }

        SimulatorState? seeded = null;
        if (settings.StatePath is { } statePath)
        {
            var (state, problems) = StateFile.Read(statePath);
            if (state is null)
            {
                return Usage(problems.Count == 1 ? problems[0] : $"--state {statePath} has {problems.Count} problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)));
            }

            seeded = state;
        }

        // Taken over before the server starts, so that a signal right after it announces itself still
        // stops it in order (the runtime's default would end the process at once).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        void Handle(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        IxBrowserSimulator simulator;
        try
        {
            simulator = IxBrowserSimulator.Start(new IxBrowserSimulatorOptions
            {
                ListenAddress = new Uri("http://" + settings.Listen),
                RecordedRequestLimit = settings.KeepRequests,
                MaxRequestBodyBytes = settings.MaxBodyBytes,
            });
        }
        catch (SimulatorAddressInUseException e)
        {
            return Usage($"Cannot listen on {settings.Listen}: " + e.Message);
        }

        using (simulator)
        {
            Configure(simulator, seeded);
            Announce(simulator);
            await WaitForStopAsync(stop.Token).ConfigureAwait(false);
            Stop(simulator);
        }

        return 0;
    }

    private string? SettingsProblem()
    {
        if (!TryParseListen(settings.Listen))
        {
            return $"--listen must be host:port, such as 127.0.0.1:53200 or 0.0.0.0:53200, not \"{settings.Listen}\".";
        }

        if (settings.LatencyMs < 0 || settings.Throttle is < 1 || settings.FailureRate is < 0 or > 1)
        {
            return "--latency-ms must not be negative, --throttle must be at least 1, and --failure-rate must be from 0 to 1.";
        }

        if (settings.KeepRequests < 0 || settings.MaxBodyBytes < 1024)
        {
            return "--keep-requests must not be negative, and --max-body-bytes must be at least 1024.";
        }

        return settings.DumpPath is { } dump ? StateFile.ProblemWriting(dump) : null;
    }

    private void Configure(IxBrowserSimulator simulator, SimulatorState? seeded)
    {
        if (seeded is not null)
        {
            simulator.ImportState(seeded);
        }

        simulator.Faults.Latency = TimeSpan.FromMilliseconds(settings.LatencyMs);
        simulator.Faults.ThrottleAbovePerSecond = settings.Throttle;
        if (settings.FailureRate > 0)
        {
            simulator.Faults.InjectRandomly(settings.FailureRate, settings.Seed, Enum.GetValues<SimulatedFaultKind>());
        }
    }

    private void Announce(IxBrowserSimulator simulator)
    {
        var host = settings.Listen[..settings.Listen.LastIndexOf(':')];
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var ip) || !IPAddress.IsLoopback(ip))
        {
            Console.WriteLine($"Warning: listening on {host}, not only on this machine. The simulator has no authentication.");
        }

        var root = "http://" + settings.Listen;
        Console.WriteLine($"Simulated ixBrowser Local API listening on {root} (for example: curl -X POST {root}/api/v2/proxy-list -d '{{}}').");
        Console.WriteLine("Press Enter or Ctrl+C, or send SIGTERM, to stop" + (settings.DumpPath is null ? "." : $"; the state is then written to {settings.DumpPath}."));
    }

    private void Stop(IxBrowserSimulator simulator)
    {
        var clock = Stopwatch.StartNew();
        var state = simulator.StopAndExport();
        Console.WriteLine($"Stopping after {simulator.ReceivedRequestCount} requests.");
        if (settings.DumpPath is { } dump)
        {
            StateFile.WriteAtomically(dump, state);
            var records = state.Profiles.Count + state.Proxies.Count + state.Groups.Count + state.ProfileTags.Count + state.ProxyTags.Count + state.TrafficPackages.Count;
            Console.WriteLine($"State written to {dump} ({records} records, {clock.ElapsedMilliseconds} ms after the stop began).");
        }
    }

    /// <summary>
    /// Until Enter, or the token (Ctrl+C, SIGTERM: taken over from the runtime so that the state is
    /// written whatever its size). An input that is already closed (a service, a pipe) leaves the signals.
    /// </summary>
    private static async Task WaitForStopAsync(CancellationToken stop)
    {
        var line = Task.Run(() => Console.In.ReadLine(), CancellationToken.None);
        var stopped = Task.Delay(Timeout.Infinite, stop);
        var first = await Task.WhenAny(line, stopped).ConfigureAwait(false);
        if (first == line && await line.ConfigureAwait(false) is null)
        {
            await stopped.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private static bool TryParseListen(string listen) =>
        Uri.TryCreate("http://" + listen, UriKind.Absolute, out var parsed)
        && parsed.AbsolutePath == "/" && !listen.Contains('/', StringComparison.Ordinal)
        && listen.Contains(':', StringComparison.Ordinal) && parsed.Port is > 0 and <= 65535;

    private static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine("Run ixbrowser-simulator --help to see every option.");
        return 2;
    }
}
