using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Internal;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi;

/// <summary>One run of <see cref="IxBrowserProfileExtensions.OpenBrowserAsync"/>: the open, its waits and retries, and the readiness check.</summary>
internal sealed class ProfileOpener(IIxBrowserClient client, long profileId, IxBrowserOpenOptions options, CancellationToken cancellationToken)
{
    private static readonly TimeSpan MaxBusyDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Only for the DevTools readiness check: never through a proxy (the browser listens on the app's
    /// machine) and never redirected.
    /// </summary>
    private static readonly HttpClient DevToolsHttp = new(new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };

    // Set once the app may have started a browser: from then on a failure must close it.
    private bool _mayBeOpen;

    public async Task<IxBrowserOpenedProfile> OpenAsync()
    {
        var (result, attached) = await OpenOrAttachAsync().ConfigureAwait(false);
        var baseAddress = (client as IxBrowserClient)?.BaseAddress ?? IxBrowserClient.DefaultBaseAddress;
        var devTools = DevToolsAddress.Normalize(result.DebuggingAddress, result.DebuggingPort, result.Ws, baseAddress)
            ?? throw new IxBrowserProtocolException(IxBrowserClient.OpenProfileOperation, $"Profile {profileId} opened, but the app answered no usable DevTools address (debugging_address \"{result.DebuggingAddress}\", debugging_port {result.DebuggingPort}); the profile is being closed.", 200, string.Empty);

        // The app's ws when it gave one; else the one the browser itself reports.
        var reported = await WaitUntilReadyAsync(devTools).ConfigureAwait(false);
        var webSocket = DevToolsAddress.WebSocket(result.Ws, baseAddress) ?? DevToolsAddress.WebSocket(reported.ToString(), baseAddress) ?? reported;

        return new IxBrowserOpenedProfile(client, profileId, devTools, webSocket, result.Pid ?? 0, result.Webdriver ?? string.Empty, attached);
    }

    /// <summary>Closes the profile if the app may have opened it; used when the open fails or is cancelled. Never throws.</summary>
    public async Task CloseIfOpenedAsync()
    {
        if (!_mayBeOpen)
        {
            return;
        }

        try
        {
            await IxBrowserOpenedProfile.CloseProfileAsync(client, profileId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The open's own failure is what the caller needs to see.
        }
    }

    private async Task<(OpenProfileResult Result, bool Attached)> OpenOrAttachAsync()
    {
        var request = new OpenProfileRequest();
        options.ConfigureRequest?.Invoke(request);
        request.ProfileId = profileId;
        var busyDelay = options.BusyRetryDelay;
        var resets = 0;
        while (true)
        {
            try
            {
                var opened = await SendOpenAsync(request).ConfigureAwait(false);
                _mayBeOpen = true;
                return (opened.Data, false);
            }
            catch (IxBrowserApiException busy) when (busy.Code is IxBrowserErrorCodes.ProfileOpeningInProgress or IxBrowserErrorCodes.ProfileCloudBackupInProgress)
            {
                await Task.Delay(busyDelay, cancellationToken).ConfigureAwait(false);
                busyDelay = TimeSpan.FromTicks(Math.Min(busyDelay.Ticks * 2, MaxBusyDelay.Ticks));
            }
            catch (IxBrowserApiException open) when (open.Code == IxBrowserErrorCodes.ProfileAlreadyOpen)
            {
                if (await FindRunningAsync().ConfigureAwait(false) is { } running)
                {
                    _mayBeOpen = true;
                    return (running, true);
                }

                if (resets++ >= options.MaxOpenStateResets)
                {
                    throw;
                }

                await client.ResetProfileOpenStateAsync(new ResetProfileOpenStateRequest { ProfileId = profileId }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Sends the open without the caller's token: once sent, the app may start the browser whatever
    /// happens to our wait. If the caller gives up first (cancellation, OpenTimeout), the exception
    /// comes at once, and the open is followed in the background: a browser it starts is closed.
    /// The call itself stays bounded by the client's LongRunningTimeout.
    /// </summary>
    private async Task<IxBrowserResponse<OpenProfileResult>> SendOpenAsync(OpenProfileRequest request)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var open = client.OpenProfileAsync(request, CancellationToken.None);
        try
        {
            return await TaskWaits.WaitAsync(open, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _ = CloseWhenOpenedAsync(client, profileId, open);
            throw;
        }
    }

    private static async Task CloseWhenOpenedAsync(IIxBrowserClient client, long profileId, Task open)
    {
        try
        {
            await open.ConfigureAwait(false);
            await IxBrowserOpenedProfile.CloseProfileAsync(client, profileId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The open failed (nothing to close) or the close failed: nobody is left to tell.
        }
    }

    /// <summary>The profile's browser in the API's opened list (page 06), when it is listed with an address.</summary>
    private async Task<OpenProfileResult?> FindRunningAsync()
    {
        var listed = await client.GetNativeClientOpenedProfileListAsync(new GetNativeClientOpenedProfileListRequest(), cancellationToken).ConfigureAwait(false);
        var running = listed.Data?.FirstOrDefault(p => p.ProfileId == profileId && (!string.IsNullOrEmpty(p.Ws) || !string.IsNullOrEmpty(p.DebuggingAddress) || p.DebuggingPort > 0));
        return running is null ? null : new OpenProfileResult
        {
            DebuggingAddress = running.DebuggingAddress,
            DebuggingPort = running.DebuggingPort,
            ProfileId = running.ProfileId,
            Pid = running.Pid,
            Ws = running.Ws,
            Webdriver = running.Webdriver,
        };
    }

    /// <summary>Polls <c>/json/version</c> until it answers with the browser's WebSocket URL, within ReadyTimeout.</summary>
    private async Task<Uri> WaitUntilReadyAsync(Uri devTools)
    {
        using var ready = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ready.CancelAfter(options.ReadyTimeout);
        var version = new Uri(devTools, "json/version");
        var pause = TimeSpan.FromMilliseconds(50);
        Exception? last = null;
        while (true)
        {
            try
            {
                using var answer = await DevToolsHttp.GetAsync(version, ready.Token).ConfigureAwait(false);
                if (answer.IsSuccessStatusCode
                    && JObject.Parse(await answer.Content.ReadAsStringAsync().ConfigureAwait(false))["webSocketDebuggerUrl"] is { Type: JTokenType.String } url
                    && Uri.TryCreate((string)url!, UriKind.Absolute, out var webSocket))
                {
                    return webSocket;
                }

                last = new InvalidOperationException($"{version} answered HTTP {(int)answer.StatusCode} without a webSocketDebuggerUrl.");
            }
            catch (Exception exception) when (exception is HttpRequestException or Newtonsoft.Json.JsonException || (exception is OperationCanceledException && !ready.IsCancellationRequested))
            {
                last = exception;
            }
            catch (OperationCanceledException) when (ready.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new IxBrowserTimeoutException(IxBrowserClient.OpenProfileOperation, options.ReadyTimeout, last);
            }

            try
            {
                await Task.Delay(pause, ready.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ready.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new IxBrowserTimeoutException(IxBrowserClient.OpenProfileOperation, options.ReadyTimeout, last);
            }

            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
        }
    }
}
