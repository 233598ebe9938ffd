using System;

namespace IxBrowser.LocalApi;

/// <summary>How <see cref="IxBrowserProfileExtensions.RunProfilesAsync"/> works through many profiles.</summary>
public sealed class IxBrowserProfileRunOptions
{
    /// <summary>
    /// The most browsers open at once. Default 2: each browser takes hundreds of MB, and users run 2 to 5.
    /// </summary>
    public int MaxOpenBrowsers { get; set; } = 2;

    /// <summary>How long one profile may take, open and work and close included; <see langword="null"/> (the default) for no limit.</summary>
    public TimeSpan? TimeoutPerProfile { get; set; }

    /// <summary>Told after each profile ends, with its status; called from the worker that ran it.</summary>
    public IProgress<IxBrowserProfileRunProgress>? Progress { get; set; }

    /// <summary>How each profile is opened; defaults if null.</summary>
    public IxBrowserOpenOptions? Open { get; set; }

    internal void ThrowIfInvalid()
    {
        if (MaxOpenBrowsers < 1)
        {
            throw new ArgumentException($"IxBrowserProfileRunOptions.MaxOpenBrowsers must be at least 1, not {MaxOpenBrowsers}.", nameof(MaxOpenBrowsers));
        }

        if (TimeoutPerProfile is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"IxBrowserProfileRunOptions.TimeoutPerProfile must be positive or null, not {timeout}.", nameof(TimeoutPerProfile));
        }

        Open?.ThrowIfInvalid();
    }
}
