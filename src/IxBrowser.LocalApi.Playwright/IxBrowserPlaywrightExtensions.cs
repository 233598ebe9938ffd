using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace IxBrowser.LocalApi.Playwright;

/// <summary>From an ixBrowser profile id to a connected Playwright <see cref="IBrowser"/>, in one call.</summary>
public static class IxBrowserPlaywrightExtensions
{
    /// <summary>
    /// Opens the profile (<see cref="IxBrowserProfileExtensions.OpenBrowserAsync"/>: waits, "already open",
    /// readiness) and connects Playwright to it over CDP. Disposing or closing the returned browser
    /// disconnects Playwright, ends the Playwright driver this call started, and closes the profile,
    /// exactly once. Nothing needs downloading: Playwright attaches to the profile's own browser.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="profileId">The profile to open.</param>
    /// <param name="options">How to open the profile; defaults if null.</param>
    /// <param name="cancellationToken">Cancels the open and the connection; a profile that opened is closed.</param>
    /// <returns>The connected browser: its <see cref="IBrowser.Contexts"/>[0] is the profile's own context, with its cookies.</returns>
    public static async Task<IBrowser> ConnectPlaywrightAsync(this IIxBrowserClient client, long profileId, IxBrowserOpenOptions? options = null, CancellationToken cancellationToken = default)
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            return await ConnectAsync(client, playwright, ownsPlaywright: true, profileId, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// As <see cref="ConnectPlaywrightAsync(IIxBrowserClient, long, IxBrowserOpenOptions?, CancellationToken)"/>,
    /// with a Playwright instance of yours, which the browser's disposal leaves running.
    /// </summary>
    /// <param name="playwright">Your Playwright instance.</param>
    /// <param name="client">The client.</param>
    /// <param name="profileId">The profile to open.</param>
    /// <param name="options">How to open the profile; defaults if null.</param>
    /// <param name="cancellationToken">Cancels the open and the connection; a profile that opened is closed.</param>
    /// <returns>The connected browser.</returns>
    public static Task<IBrowser> ConnectToIxBrowserProfileAsync(this IPlaywright playwright, IIxBrowserClient client, long profileId, IxBrowserOpenOptions? options = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(client, playwright ?? throw new ArgumentNullException(nameof(playwright)), ownsPlaywright: false, profileId, options, cancellationToken);

    /// <summary>The ixBrowser profile behind a browser from <see cref="ConnectPlaywrightAsync(IIxBrowserClient, long, IxBrowserOpenOptions?, CancellationToken)"/>; null for any other browser.</summary>
    /// <param name="browser">The browser.</param>
    /// <returns>The open profile (its id, DevTools address, process id), or null.</returns>
    public static IxBrowserOpenedProfile? GetIxBrowserProfile(this IBrowser browser) => (browser as ProfileClosingBrowser)?.Profile;

    private static async Task<IBrowser> ConnectAsync(IIxBrowserClient client, IPlaywright playwright, bool ownsPlaywright, long profileId, IxBrowserOpenOptions? options, CancellationToken cancellationToken)
    {
        var profile = await client.OpenBrowserAsync(profileId, options, cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var browser = await playwright.Chromium.ConnectOverCDPAsync(profile.WebSocketAddress.ToString()).ConfigureAwait(false);
            return ProfileClosingBrowser.Wrap(browser, ownsPlaywright ? playwright : null, profile);
        }
        catch
        {
            await profile.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
