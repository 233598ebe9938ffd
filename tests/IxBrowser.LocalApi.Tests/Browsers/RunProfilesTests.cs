using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Browsers;

/// <summary>RunProfilesAsync: a cap on open browsers, a result per profile, and every opened profile closed whatever happens.</summary>
[Collection(RealBrowserTests.Name)]
public class RunProfilesTests
{
    [Fact]
    public async Task A_failing_open_a_failing_work_and_a_timeout_are_each_their_profiles_result_and_nothing_stays_open()
    {
        using var simulator = BrowserSimulator.Start();
        long[] ids = [1, 2, 3, 999, 4];
        foreach (var id in ids.Where(i => i != 999))
        {
            simulator.AddProfile(id);
        }

        var progress = new ConcurrentBag<IxBrowserProfileRunProgress>();
        var open = 0;
        var peak = 0;
        var results = await simulator.Client.RunProfilesAsync(ids, async (profile, cancellationToken) =>
        {
            var now = Interlocked.Increment(ref open);
            InterlockedMax(ref peak, now);
            try
            {
                if (profile.ProfileId == 2)
                {
                    throw new InvalidOperationException("the work failed");
                }

                if (profile.ProfileId == 3)
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                }

                return profile.ProfileId * 10;
            }
            finally
            {
                Interlocked.Decrement(ref open);
            }
        }, new IxBrowserProfileRunOptions { MaxOpenBrowsers = 2, TimeoutPerProfile = TimeSpan.FromSeconds(8), Progress = new SyncProgress<IxBrowserProfileRunProgress>(progress.Add) });

        Assert.Equal(ids, results.Select(r => r.ProfileId));
        Assert.Equal(
            [IxBrowserProfileRunStatus.Succeeded, IxBrowserProfileRunStatus.Failed, IxBrowserProfileRunStatus.Failed, IxBrowserProfileRunStatus.Failed, IxBrowserProfileRunStatus.Succeeded],
            results.Select(r => r.Status));
        Assert.Equal(10, results[0].Value);
        Assert.IsType<InvalidOperationException>(results[1].Exception);
        Assert.IsType<IxBrowserTimeoutException>(results[2].Exception);
        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, Assert.IsType<IxBrowserApiException>(results[3].Exception).Code);
        Assert.InRange(peak, 1, 2);
        Assert.Equal(5, progress.Count);
        Assert.Equal(5, progress.Max(p => p.Completed));
        Assert.Equal(0, simulator.RunningBrowserCount);
        Assert.Equal(4, simulator.ReceivedRequests.Count(r => r.Path == IxBrowserClient.CloseProfilePath));
    }

    [Fact]
    public async Task Cancelling_the_run_closes_what_is_open_and_leaves_the_rest_not_started()
    {
        using var simulator = BrowserSimulator.Start();
        long[] ids = [1, 2, 3, 4];
        foreach (var id in ids)
        {
            simulator.AddProfile(id);
        }

        using var cancel = new CancellationTokenSource();
        var results = await simulator.Client.RunProfilesAsync(ids, async (profile, cancellationToken) =>
        {
            cancel.Cancel();
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return 0;
        }, new IxBrowserProfileRunOptions { MaxOpenBrowsers = 1 }, cancel.Token);

        Assert.Equal(IxBrowserProfileRunStatus.Cancelled, results[0].Status);
        Assert.All(results.Skip(1), r => Assert.Equal(IxBrowserProfileRunStatus.NotStarted, r.Status));
        Assert.Equal(0, simulator.RunningBrowserCount);
        Assert.Single(simulator.ReceivedRequests, r => r.Path == IxBrowserClient.OpenProfilePath);
    }

    [Fact]
    public async Task Bad_options_are_refused_before_anything_is_sent()
    {
        using var simulator = IxBrowserSimulator.Start();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => simulator.Client.RunProfilesAsync([1L], (_, _) => Task.FromResult(0), new IxBrowserProfileRunOptions { MaxOpenBrowsers = 0 }));

        Assert.Contains("MaxOpenBrowsers must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(simulator.ReceivedRequests);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, which a test cannot await).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
