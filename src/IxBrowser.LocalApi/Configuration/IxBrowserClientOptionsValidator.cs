using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace IxBrowser.LocalApi;

/// <summary>Checks <see cref="IxBrowserClientOptions"/>; every message names the option and the fix.</summary>
internal sealed class IxBrowserClientOptionsValidator : IValidateOptions<IxBrowserClientOptions>
{
    public const int MaxAllowedRetryAttempts = 10;

    /// <summary>The longest per-attempt timeout: a day, well within what a token source's timer takes (24.8 days) and what <see cref="TimeoutWindows"/> counts in milliseconds.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    public const int MinResponseBytes = 1024;

    public ValidateOptionsResult Validate(string? name, IxBrowserClientOptions options)
    {
        var failures = Problems(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> Problems(IxBrowserClientOptions options)
    {
        var problems = new List<string>();
        if (options.BaseAddress is { } address && AddressProblem(address, "IxBrowserClientOptions.BaseAddress", options.AllowRemoteHost) is { } problem)
        {
            problems.Add(problem);
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add($"IxBrowserClientOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan to disable it), not {options.Timeout.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (options.Timeout > MaxTimeout)
        {
            problems.Add($"IxBrowserClientOptions.Timeout must be at most one day, not {options.Timeout.ToString("c", CultureInfo.InvariantCulture)}. " +
                "In configuration a bare number means days (\"Timeout\": 30 is 30 days): write a time span such as \"00:00:30\" for 30 seconds.");
        }

        if (options.LongRunningTimeout <= TimeSpan.Zero && options.LongRunningTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add($"IxBrowserClientOptions.LongRunningTimeout must be positive (or Timeout.InfiniteTimeSpan to disable it), not {options.LongRunningTimeout.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (options.LongRunningTimeout > MaxTimeout)
        {
            problems.Add($"IxBrowserClientOptions.LongRunningTimeout must be at most one day, not {options.LongRunningTimeout.ToString("c", CultureInfo.InvariantCulture)}. " +
                "In configuration a bare number means days: write a time span such as \"00:01:30\" for 90 seconds.");
        }

        if (options.MaxResponseBytes < MinResponseBytes)
        {
            problems.Add($"IxBrowserClientOptions.MaxResponseBytes must be at least {MinResponseBytes} bytes (an envelope with an error), not {options.MaxResponseBytes}. The default is {IxBrowserClientOptions.DefaultMaxResponseBytes}.");
        }

        if (options.MaxRetryAttempts is < 0 or > MaxAllowedRetryAttempts)
        {
            problems.Add($"IxBrowserClientOptions.MaxRetryAttempts must be from 0 (no retries) to {MaxAllowedRetryAttempts}, not {options.MaxRetryAttempts}.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            problems.Add($"IxBrowserClientOptions.RetryBaseDelay must not be negative, not {options.RetryBaseDelay.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (options.MaxRetryDelay < options.RetryBaseDelay)
        {
            problems.Add($"IxBrowserClientOptions.MaxRetryDelay ({options.MaxRetryDelay.ToString("c", CultureInfo.InvariantCulture)}) must not be shorter than RetryBaseDelay ({options.RetryBaseDelay.ToString("c", CultureInfo.InvariantCulture)}).");
        }

        if (options.MaxRequestsPerSecond is { } rate && (double.IsNaN(rate) || rate < 0.1 || double.IsInfinity(rate)))
        {
            problems.Add($"IxBrowserClientOptions.MaxRequestsPerSecond must be at least 0.1 (or null to learn the rate), not {rate.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (options.TooFastPatience < TimeSpan.Zero)
        {
            problems.Add($"IxBrowserClientOptions.TooFastPatience must not be negative, not {options.TooFastPatience.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (options.MaxConcurrentRequests < 1)
        {
            problems.Add($"IxBrowserClientOptions.MaxConcurrentRequests must be at least 1, not {options.MaxConcurrentRequests}.");
        }

        return problems;
    }

    /// <summary>
    /// What is wrong with an address the client would send to, or null. <paramref name="source"/> names
    /// where it came from (the option, or the HttpClient's BaseAddress), so the message points there.
    /// </summary>
    public static string? AddressProblem(Uri address, string source, bool allowRemoteHost)
    {
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            return $"{source} must be an absolute http:// or https:// URL such as http://127.0.0.1:53200, not \"{address.OriginalString}\".";
        }

        if (address.AbsolutePath != "/" || address.Query.Length > 0)
        {
            // The client adds /api/v2/<operation> itself; a path here would make every call a 404.
            return $"{source} must be the server's root, such as {address.GetLeftPart(UriPartial.Authority)}, not {address}: the client adds /api/v2/<operation> itself.";
        }

        if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback && !allowRemoteHost)
        {
            return $"{source} {address} is not this machine. The local API has neither TLS nor authentication, so proxy passwords " +
                "and extraction links would cross the network in clear text. Use http://127.0.0.1:53200, reach the remote machine through https or an " +
                "SSH tunnel, or, if the network between them is trusted, allow it with the constructor that takes options: " +
                "new IxBrowserClient(httpClient, new IxBrowserClientOptions { AllowRemoteHost = true }) (with dependency injection: AddIxBrowserClient(o => o.AllowRemoteHost = true)).";
        }

        return null;
    }

    /// <summary>
    /// The address a client sends to: the option, else the HttpClient's BaseAddress, else the default.
    /// Throws when both are set and differ, or when the chosen one is unusable.
    /// </summary>
    public static Uri ResolveAddress(IxBrowserClientOptions options, Uri? httpClientAddress)
    {
        if (options.BaseAddress is { } configured && httpClientAddress is { } fromHttpClient && !SameAddress(configured, fromHttpClient))
        {
            throw new ArgumentException(
                $"The HttpClient's BaseAddress ({fromHttpClient}) and IxBrowserClientOptions.BaseAddress ({configured}) disagree. Set only one of them, or set both to the same address.",
                nameof(options));
        }

        var (address, source) = options.BaseAddress is { } option ? (option, "IxBrowserClientOptions.BaseAddress")
            : httpClientAddress is { } http ? (http, "The HttpClient's BaseAddress")
            : (IxBrowserClient.DefaultBaseAddress, "The default address");
        if (AddressProblem(address, source, options.AllowRemoteHost) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        return address;
    }

    private static bool SameAddress(Uri a, Uri b) =>
        a.IsAbsoluteUri && b.IsAbsoluteUri && Uri.Compare(a, b, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>For clients created without dependency injection: throws with every problem at once.</summary>
    public static void ThrowIfInvalid(IxBrowserClientOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }
    }
}
