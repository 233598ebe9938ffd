using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IxBrowser.LocalApi;

/// <summary>
/// Catches a time span written as a bare number in configuration ("Timeout": 30), which .NET reads as
/// that many days, and names the configuration key and the format.
/// </summary>
internal sealed class ConfigurationTimeSpanValidator(IConfiguration configuration) : IValidateOptions<IxBrowserClientOptions>
{
    private static readonly string[] TimeSpanOptions =
    [
        nameof(IxBrowserClientOptions.Timeout),
        nameof(IxBrowserClientOptions.RetryBaseDelay),
        nameof(IxBrowserClientOptions.MaxRetryDelay),
        nameof(IxBrowserClientOptions.TooFastPatience),
    ];

    public ValidateOptionsResult Validate(string? name, IxBrowserClientOptions options)
    {
        var problems = new List<string>();
        foreach (var key in TimeSpanOptions)
        {
            var text = configuration[key];
            if (text is not null && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                var path = configuration is IConfigurationSection section ? section.Path + ":" + key : key;
                problems.Add($"{path} is \"{text}\", a bare number, which .NET reads as {number.ToString(CultureInfo.InvariantCulture)} days. " +
                    $"Write a time span as hours:minutes:seconds, for example \"00:00:{Math.Min(59, Math.Max(0, (int)number)).ToString("00", CultureInfo.InvariantCulture)}\" for {Math.Min(59, Math.Max(0, (int)number))} seconds.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
