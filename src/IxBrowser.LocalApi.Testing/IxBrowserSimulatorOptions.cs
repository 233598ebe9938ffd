using System;

namespace IxBrowser.LocalApi.Testing;

/// <summary>Settings of <see cref="IxBrowserSimulator.Start(IxBrowserSimulatorOptions)"/>.</summary>
public sealed class IxBrowserSimulatorOptions
{
    /// <summary>Where to listen, such as <c>http://127.0.0.1:53200</c>; <see langword="null"/> (the default) for a free loopback port.</summary>
    public Uri? ListenAddress { get; set; }

    /// <summary>
    /// How many of the latest requests <see cref="IxBrowserSimulator.ReceivedRequests"/> keeps; older
    /// ones are dropped (<see cref="IxBrowserSimulator.ReceivedRequestCount"/> still counts them), so a
    /// long-running simulator's memory stays bounded. Default 10,000.
    /// </summary>
    public int RecordedRequestLimit { get; set; } = 10_000;

    /// <summary>
    /// The largest request body the simulator reads, in bytes. A larger one is answered HTTP 413 with an
    /// envelope of error 1000 and is not recorded or acted on. Default 1 MiB.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    internal void Validate()
    {
        if (ListenAddress is { } address && (!address.IsAbsoluteUri || address.Scheme != Uri.UriSchemeHttp || address.AbsolutePath != "/"))
        {
            throw new ArgumentException($"The simulator listens at an http address such as http://127.0.0.1:53200, not \"{address}\".", nameof(ListenAddress));
        }

        if (RecordedRequestLimit < 0)
        {
            throw new ArgumentException($"RecordedRequestLimit must be 0 or more, not {RecordedRequestLimit}.", nameof(RecordedRequestLimit));
        }

        if (MaxRequestBodyBytes < 1024)
        {
            throw new ArgumentException($"MaxRequestBodyBytes must be at least 1024, not {MaxRequestBodyBytes}.", nameof(MaxRequestBodyBytes));
        }
    }
}
