using System;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Internal;

namespace IxBrowser.LocalApi;

/// <summary>
/// A profile whose browser is open and answering, from <see cref="IxBrowserProfileExtensions.OpenBrowserAsync"/>.
/// Dispose it (<c>await using</c>) to close the profile: the close runs exactly once, whoever calls it
/// first, and "already closed" (1009) counts as closed.
/// </summary>
public sealed class IxBrowserOpenedProfile : IAsyncDisposable
{
    // Lazy with ExecutionAndPublication: the close starts once, whoever asks first, and every caller awaits that one task.
    private readonly Lazy<Task> _close;

    internal IxBrowserOpenedProfile(IIxBrowserClient client, long profileId, Uri devToolsAddress, Uri webSocketAddress, int processId, string webDriverPath, bool attached)
    {
        _close = new Lazy<Task>(() => CloseProfileAsync(client, profileId, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        ProfileId = profileId;
        DevToolsAddress = devToolsAddress;
        WebSocketAddress = webSocketAddress;
        ProcessId = processId;
        WebDriverPath = webDriverPath;
        Attached = attached;
    }

    /// <summary>The profile's id.</summary>
    public long ProfileId { get; }

    /// <summary>
    /// The browser's DevTools endpoint as an http URI, such as <c>http://127.0.0.1:27109/</c>: for Playwright's
    /// <c>ConnectOverCDPAsync</c>, and (as host:port, <see cref="DebuggerAddress"/>) for Selenium.
    /// </summary>
    public Uri DevToolsAddress { get; }

    /// <summary>Host and port of <see cref="DevToolsAddress"/>, such as <c>127.0.0.1:27109</c>: Selenium's ChromeOptions.DebuggerAddress.</summary>
    public string DebuggerAddress => DevToolsAddress.Authority;

    /// <summary>The browser's DevTools WebSocket URL (<c>ws://...</c>): for Puppeteer's <c>ConnectAsync</c> and Playwright.</summary>
    public Uri WebSocketAddress { get; }

    /// <summary>The browser's process id on the app's machine, as the app reports it.</summary>
    public int ProcessId { get; }

    /// <summary>The ChromeDriver that matches the browser's kernel, as the app reports it; empty if it reports none.</summary>
    public string WebDriverPath { get; }

    /// <summary>Whether the profile was already open (111003) and this handle attached to its running browser instead of opening it.</summary>
    public bool Attached { get; }

    /// <summary>Whether the close has run (or is running).</summary>
    public bool IsClosed => _close.IsValueCreated;

    /// <summary>Why the close of <see cref="DisposeAsync"/> failed, if it did; <see cref="CloseAsync"/> throws it instead.</summary>
    public Exception? CloseError { get; private set; }

    /// <summary>
    /// Closes the profile's browser (page 10) unless that already happened. A profile that is already
    /// closed (1009) counts as closed. Concurrent and repeated calls share the one close.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the close itself, once sent, is not taken back.</param>
    /// <returns>A task that completes when the profile is closed.</returns>
    /// <exception cref="IxBrowserException">The close failed; the browser may still run.</exception>
    public Task CloseAsync(CancellationToken cancellationToken = default)
    {
        var close = _close.Value;
        return cancellationToken.CanBeCanceled ? TaskWaits.WaitAsync(close, cancellationToken) : close;
    }

    /// <summary>Closes the profile (see <see cref="CloseAsync"/>); never throws: a failure is kept in <see cref="CloseError"/>.</summary>
    /// <returns>A task that completes when the close has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            CloseError = exception;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"IxBrowserOpenedProfile {{ ProfileId = {ProfileId}, DevToolsAddress = {DevToolsAddress}, ProcessId = {ProcessId}{(Attached ? ", Attached" : string.Empty)}{(IsClosed ? ", Closed" : string.Empty)} }}";

    internal static async Task CloseProfileAsync(IIxBrowserClient client, long profileId, CancellationToken cancellationToken)
    {
        try
        {
            await client.CloseProfileAsync(new CloseProfileRequest { ProfileId = profileId }, cancellationToken).ConfigureAwait(false);
        }
        catch (IxBrowserApiException exception) when (exception.Code == IxBrowserErrorCodes.ProcessNotFound)
        {
            // 1009 "process not found": nothing of this profile runs; closed is what was asked.
        }
    }
}
