using System;

namespace IxBrowser.LocalApi;

/// <summary>How <see cref="IxBrowserProfileExtensions.OpenBrowserAsync"/> opens a profile and waits for its browser.</summary>
public sealed class IxBrowserOpenOptions
{
    /// <summary>
    /// The whole open may take this long: waiting out 1020 (another open in progress) and 2012 (cloud
    /// backup in progress), the open call itself, and the browser's start. Default 2 minutes; a cold start
    /// with a proxy takes 10 to 60 seconds. When it passes, the open fails with an
    /// <see cref="IxBrowserTimeoutException"/> and a browser that did open is closed.
    /// </summary>
    public TimeSpan OpenTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait, within <see cref="OpenTimeout"/>, for the browser's DevTools endpoint (<c>/json/version</c>) to answer after the app says it is open. Default 30 seconds.</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times a profile that is "already open" (111003) but not listed with a DevTools address
    /// (page 06) has its open state reset (page 08) and is opened again. Default 1; 0 fails at once.
    /// A profile that is listed with an address is attached to instead (<see cref="IxBrowserOpenedProfile.Attached"/>).
    /// </summary>
    public int MaxOpenStateResets { get; set; } = 1;

    /// <summary>The first wait after 1020 or 2012; later waits double it, up to 5 seconds. Default 500 ms.</summary>
    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Sets the open request's other fields (switches, extensions, cookies); its profile id is the one opened.</summary>
    public Action<OpenProfileRequest>? ConfigureRequest { get; set; }

    internal void ThrowIfInvalid()
    {
        if (OpenTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"IxBrowserOpenOptions.OpenTimeout must be positive, not {OpenTimeout}. Opening takes 10-60 s; the default is 2 minutes.", nameof(OpenTimeout));
        }

        if (ReadyTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"IxBrowserOpenOptions.ReadyTimeout must be positive, not {ReadyTimeout}.", nameof(ReadyTimeout));
        }

        if (MaxOpenStateResets < 0)
        {
            throw new ArgumentException($"IxBrowserOpenOptions.MaxOpenStateResets must be 0 or more, not {MaxOpenStateResets}.", nameof(MaxOpenStateResets));
        }

        if (BusyRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"IxBrowserOpenOptions.BusyRetryDelay must not be negative, not {BusyRetryDelay}.", nameof(BusyRetryDelay));
        }
    }
}
