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
        // 1 s: windows of 50 ms. The clock is the test's, so that a busy machine cannot move the second
        // attempt into the next window: it starts 40 ms after the window opened, and shares its token.
        var now = 0;
        var windows = new TimeoutWindows(TimeSpan.FromSeconds(1), clock: () => Volatile.Read(ref now));
        var clock = Stopwatch.StartNew();
        var first = windows.Next();
        Volatile.Write(ref now, 40);
        var second = windows.Next();
        Assert.Equal(first, second);

        var fired = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = second.Register(() => fired.TrySetResult(clock.Elapsed));
        var after = await fired.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The window's token fires a whole window after a timeout from its opening, so that its last
        // attempt (up to 50 ms in) still gets its second.
        Assert.True(after >= TimeSpan.FromMilliseconds(1045), $"the token fired {after.TotalMilliseconds:0} ms after the window opened, before its 1000 ms timeout plus its 50 ms window");
        Assert.True(after < TimeSpan.FromSeconds(1) + windows.MostLate + TimeSpan.FromMilliseconds(500), $"the token fired {after.TotalMilliseconds:0} ms after the window opened");
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
        // The clock stands still: however slow the machine, every call falls in one window, and of the
        // windows that racing first calls open, one wins and the others are dropped.
        var windows = new TimeoutWindows(TimeSpan.FromSeconds(30), clock: () => 1000);
        var tokens = new System.Collections.Concurrent.ConcurrentBag<CancellationToken>();
        Parallel.For(0, 10_000, _ => tokens.Add(windows.Next()));

        Assert.Single(new System.Collections.Generic.HashSet<CancellationToken>(tokens));
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
