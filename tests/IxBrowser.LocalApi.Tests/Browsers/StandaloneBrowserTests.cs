using System;
using System.Diagnostics;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Simulator;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Browsers;

/// <summary>No browser outlives the standalone simulator, whichever way it is stopped.</summary>
[Collection(RealBrowserTests.Name)]
public class StandaloneBrowserTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_ends_every_browser_the_simulator_started(string signal)
    {
        var port = StandaloneSimulatorTests.FreePort();
        using var simulator = await StandaloneSimulatorTests.StartAsync($"--listen 127.0.0.1:{port}");

        // Drained from here on: a child whose redirected output nobody reads blocks on its next write
        // once the pipe is full (Chromium, started by the simulator, may write there too), and then
        // cannot stop; what it wrote is in the failure message.
        var output = simulator.StandardOutput.ReadToEndAsync();
        var errors = simulator.StandardError.ReadToEndAsync();
        var client = new IxBrowserClient(new IxBrowserClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}/") });
        var opened = await client.OpenProfileAsync(new OpenProfileRequest { ProfileId = Testing.IxBrowserSimulator.DocsProfileId });
        var pid = opened.Data.Pid!.Value;
        Assert.True(OpenBrowserTests.ProcessRuns(pid), "the simulator's browser does not run: " + opened.Data);

        using (var kill = Process.Start("kill", $"-{signal} {simulator.Id}")!)
        {
            await kill.WaitForExitAsync();
        }

        var stopped = simulator.WaitForExit(TimeSpan.FromMinutes(1));
        Assert.True(stopped, $"the simulator did not stop after SIG{signal}; it wrote: {Tail(output)} / {Tail(errors)}");
        Assert.Equal(0, simulator.ExitCode);
        Assert.False(OpenBrowserTests.ProcessRuns(pid), $"browser {pid} outlived the simulator");
        IxBrowserClient.ResetSharedGate(client.BaseAddress);
    }

    // What a stream said so far (the last 2,000 characters), or that it is still open.
    private static string Tail(Task<string> text) =>
        text.IsCompletedSuccessfully ? (text.Result.Length > 2000 ? text.Result[^2000..] : text.Result) : "(still writing)";
}

/// <summary>Without Chromium the simulator says so, and everything that needs no browser still works.</summary>
public class NoChromiumTests
{
    [Fact]
    public async Task An_open_answers_2011_with_how_to_install_Chromium_and_other_calls_still_work()
    {
        using var simulator = Testing.IxBrowserSimulator.Start(new Testing.IxBrowserSimulatorOptions { ChromiumPath = "/nonexistent/chromium" });

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.OpenBrowserAsync(Testing.IxBrowserSimulator.DocsProfileId));
        var profiles = await simulator.Client.GetProfileListAsync(new GetProfileListRequest());

        Assert.Null(simulator.ChromiumPath);
        Assert.Equal(IxBrowserErrorCodes.KernelNotDownloaded, error.Code);
        Assert.Contains("apt-get install chromium chromium-driver", error.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(2, profiles.Data.Total);
        Assert.DoesNotContain(simulator.ReceivedRequests, r => r.Path == IxBrowserClient.CloseProfilePath);
    }
}
