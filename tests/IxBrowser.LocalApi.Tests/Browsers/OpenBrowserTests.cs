using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Browsers;

/// <summary>
/// OpenBrowserAsync against the simulator's real headless Chromium: ready means /json/version
/// answers, the handle closes exactly once, and the open quirks of real users' code (1020, 2012,
/// 111003 with and without a listed browser, cancellation mid-open) end with no browser left.
/// </summary>
[Collection(RealBrowserTests.Name)]
public class OpenBrowserTests
{
    private const long Profile = IxBrowserSimulator.DocsProfileId;
    private static readonly HttpClient Http = new(new HttpClientHandler { UseProxy = false });

    [Fact]
    public async Task Opens_a_real_browser_that_answers_and_closes_it_exactly_once()
    {
        using var simulator = BrowserSimulator.Start();

        var browser = await simulator.Client.OpenBrowserAsync(Profile);
        var version = JObject.Parse(await Http.GetStringAsync(new Uri(browser.DevToolsAddress, "json/version")));

        Assert.Equal(browser.WebSocketAddress.ToString(), (string?)version["webSocketDebuggerUrl"]);
        Assert.StartsWith("http://127.0.0.1:", browser.DevToolsAddress.ToString(), StringComparison.Ordinal);
        Assert.Equal(browser.DevToolsAddress.Authority, browser.DebuggerAddress);
        Assert.False(browser.Attached);
        Assert.True(ProcessRuns(browser.ProcessId));
        Assert.Equal(1, simulator.RunningBrowserCount);

        await Task.WhenAll(browser.CloseAsync(), browser.CloseAsync(), browser.DisposeAsync().AsTask());
        await browser.DisposeAsync();

        Assert.Equal(0, simulator.RunningBrowserCount);
        Assert.False(ProcessRuns(browser.ProcessId));
        Assert.Single(simulator.ReceivedRequests, r => r.Path == IxBrowserClient.CloseProfilePath);
        Assert.Null(browser.CloseError);
    }

    [Theory]
    [InlineData(IxBrowserErrorCodes.ProfileOpeningInProgress, 3)]
    [InlineData(IxBrowserErrorCodes.ProfileCloudBackupInProgress, 2)]
    public async Task Busy_answers_are_waited_out(int code, int times)
    {
        using var simulator = BrowserSimulator.Start();
        simulator.Faults.FailNextOpens(times, code);

        await using var browser = await simulator.Client.OpenBrowserAsync(Profile, new IxBrowserOpenOptions { BusyRetryDelay = TimeSpan.FromMilliseconds(20) });

        Assert.Equal(times + 1, simulator.ReceivedRequests.Count(r => r.Path == IxBrowserClient.OpenProfilePath));
        Assert.Equal(1, simulator.RunningBrowserCount);
    }

    [Fact]
    public async Task Already_open_and_listed_attaches_to_the_running_browser()
    {
        using var simulator = BrowserSimulator.Start();
        var first = await simulator.Client.OpenBrowserAsync(Profile);

        var second = await simulator.Client.OpenBrowserAsync(Profile);

        Assert.True(second.Attached);
        Assert.Equal(first.WebSocketAddress, second.WebSocketAddress);
        Assert.Equal(1, simulator.RunningBrowserCount);
        await second.DisposeAsync();
        await first.DisposeAsync();
        Assert.Equal(0, simulator.RunningBrowserCount);
        Assert.Null(first.CloseError);
    }

    [Fact]
    public async Task Already_open_without_a_browser_is_reset_and_opened_again()
    {
        using var simulator = BrowserSimulator.Start();
        simulator.MarkProfileOpenWithoutBrowser(Profile);

        await using (var browser = await simulator.Client.OpenBrowserAsync(Profile))
        {
            Assert.False(browser.Attached);
            Assert.Single(simulator.ReceivedRequests, r => r.Path == IxBrowserClient.ResetProfileOpenStatePath);
        }

        Assert.Equal(0, simulator.RunningBrowserCount);
    }

    [Fact]
    public async Task Already_open_without_a_browser_and_no_resets_allowed_is_111003()
    {
        using var simulator = BrowserSimulator.Start();
        simulator.MarkProfileOpenWithoutBrowser(Profile);

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.OpenBrowserAsync(Profile, new IxBrowserOpenOptions { MaxOpenStateResets = 0 }));

        Assert.Equal(IxBrowserErrorCodes.ProfileAlreadyOpen, error.Code);
        Assert.Equal(0, simulator.RunningBrowserCount);
    }

    [Fact]
    public async Task Cancelled_during_a_slow_open_returns_at_once_and_the_browser_that_opens_later_is_closed()
    {
        using var simulator = BrowserSimulator.Start();
        simulator.Faults.OpenDelay = TimeSpan.FromSeconds(1.5);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => simulator.Client.OpenBrowserAsync(Profile, cancellationToken: cancel.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"the cancelled open took {watch.Elapsed.TotalMilliseconds:0} ms to end");
        Assert.True(await Eventually(() => simulator.ReceivedRequests.Any(r => r.Path == IxBrowserClient.CloseProfilePath) && simulator.RunningBrowserCount == 0, TimeSpan.FromSeconds(30)), "the browser opened after the cancellation still runs");
    }

    [Fact]
    public async Task The_open_timeout_is_an_IxBrowserTimeoutException_and_leaves_no_browser()
    {
        using var simulator = BrowserSimulator.Start();
        simulator.Faults.OpenDelay = TimeSpan.FromSeconds(1.5);

        var error = await Assert.ThrowsAsync<IxBrowserTimeoutException>(() => simulator.Client.OpenBrowserAsync(Profile, new IxBrowserOpenOptions { OpenTimeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        Assert.True(await Eventually(() => simulator.ReceivedRequests.Any(r => r.Path == IxBrowserClient.CloseProfilePath) && simulator.RunningBrowserCount == 0, TimeSpan.FromSeconds(30)), "the browser opened after the timeout still runs");
    }

    [Fact]
    public async Task An_unknown_profile_is_2007_and_sends_no_close()
    {
        using var simulator = BrowserSimulator.Start();

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.OpenBrowserAsync(999));

        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, error.Code);
        Assert.DoesNotContain(simulator.ReceivedRequests, r => r.Path == IxBrowserClient.CloseProfilePath);
    }

    [Fact]
    public async Task Closing_a_profile_that_is_not_open_is_1009_and_the_handle_counts_it_as_closed()
    {
        using var simulator = BrowserSimulator.Start();
        var browser = await simulator.Client.OpenBrowserAsync(Profile);
        await simulator.Client.CloseProfileAsync(new CloseProfileRequest { ProfileId = Profile });

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.CloseProfileAsync(new CloseProfileRequest { ProfileId = Profile }));
        await browser.CloseAsync();

        Assert.Equal(IxBrowserErrorCodes.ProcessNotFound, error.Code);
        Assert.True(browser.IsClosed);
    }

    [Fact]
    public async Task Invalid_input_says_what_to_do_and_sends_nothing()
    {
        using var simulator = IxBrowserSimulator.Start();

        var badId = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => simulator.Client.OpenBrowserAsync(0));
        var badTimeout = await Assert.ThrowsAsync<ArgumentException>(() => simulator.Client.OpenBrowserAsync(Profile, new IxBrowserOpenOptions { OpenTimeout = TimeSpan.Zero }));

        Assert.Contains("starts at 1", badId.Message, StringComparison.Ordinal);
        Assert.Contains("OpenTimeout must be positive", badTimeout.Message, StringComparison.Ordinal);
        Assert.Empty(simulator.ReceivedRequests);
    }

    internal static bool ProcessRuns(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static async Task<bool> Eventually(Func<bool> condition, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < within)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
