using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi;

/// <summary>
/// From a profile id to a browser that answers, and back: the open-and-attach flow every automation
/// script needs (waits, "already open", closing exactly once), on top of the generated operations.
/// Extension methods of <see cref="IIxBrowserClient"/>, so a mocked client works too.
/// </summary>
public static class IxBrowserProfileExtensions
{
    /// <summary>
    /// Opens the profile's browser (page 04) and returns once its DevTools endpoint answers. Dispose the
    /// result to close the profile.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>1020 (another open in progress) and 2012 (cloud backup in progress) are waited out, with growing pauses, within <see cref="IxBrowserOpenOptions.OpenTimeout"/>.</item>
    /// <item>111003 (already open): when the API's opened list (page 06) has the profile with its addresses, the handle attaches to that browser (<see cref="IxBrowserOpenedProfile.Attached"/>); otherwise the open state is reset (page 08) and the profile opened again, up to <see cref="IxBrowserOpenOptions.MaxOpenStateResets"/> times.</item>
    /// <item>Ready means <c>/json/version</c> answers, within <see cref="IxBrowserOpenOptions.ReadyTimeout"/>.</item>
    /// <item>If anything fails or is cancelled after the app may have opened the browser, the profile is closed before the exception reaches you.</item>
    /// </list>
    /// </remarks>
    /// <param name="client">The client.</param>
    /// <param name="profileId">The profile to open.</param>
    /// <param name="options">How to open; defaults if null.</param>
    /// <param name="cancellationToken">Cancels the open (a browser that opened is closed).</param>
    /// <returns>The open profile.</returns>
    /// <exception cref="ArgumentException">The profile id or an option is invalid. Nothing was sent.</exception>
    /// <exception cref="IxBrowserApiException">The app refused (for example 2007, no such profile; 2011, kernel missing).</exception>
    /// <exception cref="IxBrowserTimeoutException">The open did not finish within <see cref="IxBrowserOpenOptions.OpenTimeout"/>.</exception>
    /// <exception cref="IxBrowserProtocolException">The app answered no usable DevTools address.</exception>
    public static async Task<IxBrowserOpenedProfile> OpenBrowserAsync(this IIxBrowserClient client, long profileId, IxBrowserOpenOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (profileId < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(profileId), profileId, $"A profile id starts at 1, not {profileId}. Nothing was sent.");
        }

        options ??= new IxBrowserOpenOptions();
        options.ThrowIfInvalid();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.OpenTimeout);
        var opener = new ProfileOpener(client, profileId, options, deadline.Token);
        try
        {
            return await opener.OpenAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await opener.CloseIfOpenedAsync().ConfigureAwait(false);
            throw new IxBrowserTimeoutException(nameof(OpenBrowserAsync), options.OpenTimeout, exception);
        }
        catch
        {
            await opener.CloseIfOpenedAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on each profile's open browser, at most
    /// <see cref="IxBrowserProfileRunOptions.MaxOpenBrowsers"/> at a time, and closes every profile it
    /// opened, whatever happens. One profile's failure never stops the others.
    /// </summary>
    /// <typeparam name="T">What the work returns per profile.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="profileIds">The profiles, in the order their results are returned.</param>
    /// <param name="work">The work for one profile; its token ends at the profile's timeout or the run's cancellation.</param>
    /// <param name="options">The cap, the timeout per profile, progress and how to open; defaults if null.</param>
    /// <param name="cancellationToken">Cancels the run: profiles not started are <see cref="IxBrowserProfileRunStatus.NotStarted"/>.</param>
    /// <returns>One result per profile id, in order.</returns>
    public static async Task<IReadOnlyList<IxBrowserProfileResult<T>>> RunProfilesAsync<T>(
        this IIxBrowserClient client,
        IEnumerable<long> profileIds,
        Func<IxBrowserOpenedProfile, CancellationToken, Task<T>> work,
        IxBrowserProfileRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        options ??= new IxBrowserProfileRunOptions();
        options.ThrowIfInvalid();
        var results = (profileIds ?? throw new ArgumentNullException(nameof(profileIds))).Select((id, index) => new IxBrowserProfileResult<T>(index, id)).ToList();
        using var slots = new SemaphoreSlim(options.MaxOpenBrowsers);
        var completed = 0;
        var runs = results.Select(async result =>
        {
            try
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await RunOneAsync(client, result, work, options, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
                options.Progress?.Report(new IxBrowserProfileRunProgress(Interlocked.Increment(ref completed), results.Count, result.ProfileId, result.Status));
            }
        }).ToList();
        await Task.WhenAll(runs).ConfigureAwait(false);
        return results;
    }

    private static async Task RunOneAsync<T>(IIxBrowserClient client, IxBrowserProfileResult<T> result, Func<IxBrowserOpenedProfile, CancellationToken, Task<T>> work, IxBrowserProfileRunOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.TimeoutPerProfile is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        try
        {
            // The using closes after a failure of the work (without hiding it); after success the close is
            // awaited here, so that a failed close is this profile's failure.
            var browser = await client.OpenBrowserAsync(result.ProfileId, options.Open, timeout.Token).ConfigureAwait(false);
            await using (browser.ConfigureAwait(false))
            {
                var value = await work(browser, timeout.Token).ConfigureAwait(false);
                await browser.CloseAsync(CancellationToken.None).ConfigureAwait(false);
                result.Succeed(value);
            }
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            result.Cancel(exception);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            result.Fail(new IxBrowserTimeoutException("RunProfilesAsync", options.TimeoutPerProfile!.Value, exception));
        }
        catch (Exception exception)
        {
            result.Fail(exception);
        }
    }
}
