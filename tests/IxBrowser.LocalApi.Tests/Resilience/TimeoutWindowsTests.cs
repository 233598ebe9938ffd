using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Tests.Resilience;

/// <summary>
/// The attempts' deadlines (TimeoutWindows): attempts that start within a twentieth of the timeout share
/// one token, which fires no sooner than the timeout of the last of them and at most a window later.
/// </summary>
public class TimeoutWindowsTests
{
    [Fact]
    public async Task An_attempt_late_in_its_window_still_gets_its_whole_timeout()
    {
        // 1 s: windows of 50 ms. The second attempt starts 40 ms after the window opened, and shares its token.
        var windows = new TimeoutWindows(TimeSpan.FromSeconds(1));
        var first = windows.Next();
        await Task.Delay(40);
        var clock = Stopwatch.StartNew();
        var second = windows.Next();
        Assert.Equal(first, second);

        var fired = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = second.Register(() => fired.TrySetResult(clock.Elapsed));
        var after = await fired.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Fired from the window's start plus timeout plus window, never before the second attempt's own second.
        Assert.True(after >= TimeSpan.FromMilliseconds(995), $"the token fired {after.TotalMilliseconds:0} ms after the attempt started, before its 1000 ms timeout");
        Assert.True(after < TimeSpan.FromSeconds(1) + windows.MostLate + TimeSpan.FromMilliseconds(500), $"the token fired {after.TotalMilliseconds:0} ms after the attempt started");
    }

    [Fact]
    public async Task Attempts_after_the_window_get_the_next_windows_token()
    {
        var windows = new TimeoutWindows(TimeSpan.FromSeconds(2));
        var first = windows.Next();
        await Task.Delay(windows.MostLate + TimeSpan.FromMilliseconds(100));

        var later = windows.Next();
        Assert.NotEqual(first, later);
        Assert.Equal(later, windows.Next());
    }

    [Fact]
    public async Task A_window_whose_token_fired_is_never_handed_out_again()
    {
        // 1 ms: the window's token fires within milliseconds. The clock stands still (as a wrapped
        // 24.9-day count can make a stale window look current), and still the next attempt gets a live token.
        var windows = new TimeoutWindows(TimeSpan.FromMilliseconds(1), clock: () => 1000);
        var first = windows.Next();
        var fired = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = first.Register(() => fired.TrySetResult(true));
        await fired.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(windows.Next().IsCancellationRequested);
    }

    [Fact]
    public void Attempts_started_together_from_many_threads_share_a_few_tokens_none_of_them_fired()
    {
        var windows = new TimeoutWindows(TimeSpan.FromSeconds(30));
        var tokens = new System.Collections.Concurrent.ConcurrentBag<CancellationToken>();
        Parallel.For(0, 10_000, _ => tokens.Add(windows.Next()));

        // 30 s: windows of 1.5 s, so a fast loop spans one or two (a race opens one window, the loser's is dropped).
        Assert.InRange(new System.Collections.Generic.HashSet<CancellationToken>(tokens).Count, 1, 2);
        Assert.All(tokens, token => Assert.False(token.IsCancellationRequested));
    }

    [Fact]
    public void An_infinite_timeout_has_no_deadlines()
    {
        Assert.Null(TimeoutWindows.For(Timeout.InfiniteTimeSpan));
        var attempt = AttemptTimeout.Start(null, CancellationToken.None);
        Assert.False(attempt.Token.CanBeCanceled);
    }
}
