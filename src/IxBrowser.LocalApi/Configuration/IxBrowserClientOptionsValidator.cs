using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace IxBrowser.LocalApi;

/// <summary>Checks <see cref="IxBrowserClientOptions"/>; every message names the option and the fix.</summary>
internal sealed class IxBrowserClientOptionsValidator : IValidateOptions<IxBrowserClientOptions>
{
    public const int MaxAllowedRetryAttempts = 10;

    public ValidateOptionsResult Validate(string? name, IxBrowserClientOptions options)
    {
        var failures = Problems(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> Problems(IxBrowserClientOptions options)
    {
        var problems = new List<string>();
        var address = options.BaseAddress;
        if (address is null)
        {
            problems.Add("IxBrowserClientOptions.BaseAddress is required: set it to the local API's address, normally http://127.0.0.1:53200.");
        }
        else if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"IxBrowserClientOptions.BaseAddress must be an absolute http:// or https:// URL such as http://127.0.0.1:53200, not \"{address.OriginalString}\".");
        }
        else if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback && !options.AllowRemoteHost)
        {
            problems.Add(
                $"IxBrowserClientOptions.BaseAddress {address} is not this machine. The local API has neither TLS nor authentication, so proxy passwords " +
                "and extraction links would cross the network in clear text. Use http://127.0.0.1:53200, reach the remote machine through https or an " +
                "SSH tunnel, or set IxBrowserClientOptions.AllowRemoteHost = true if the network between them is trusted.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add($"IxBrowserClientOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan to disable it), not {options.Timeout.ToString("c", CultureInfo.InvariantCulture)}.");
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

        if (options.MaxConcurrentRequests < 1)
        {
            problems.Add($"IxBrowserClientOptions.MaxConcurrentRequests must be at least 1, not {options.MaxConcurrentRequests}.");
        }

        return problems;
    }

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
