using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using IxBrowser.LocalApi.Internal;

namespace IxBrowser.LocalApi;

/// <summary>Masking of secrets (proxy passwords, user names, extraction URLs) in text meant for people.</summary>
internal static class Redact
{
    public const string Mask = "***";

    /// <summary>Shows whether a secret is set without showing it: <c>null</c>, <c>""</c> or <c>***</c>.</summary>
    public static string Secret(string? value) => value is null ? "null" : value.Length == 0 ? "\"\"" : Mask;

    // The wire names of every property the spec marks x-secret, in any model. Used on raw answers that
    // may not parse (a truncated list still holds passwords), so it masks by name, whatever the object.
    private static readonly Lazy<Regex?> SecretFieldPattern = new(() =>
    {
        var names = typeof(Redact).Assembly.GetTypes()
            .Where(WireModel.IsModel)
            .SelectMany(WireModel.Of)
            .Where(p => p.IsSecret)
            .Select(p => Regex.Escape(p.WireName))
            .Distinct()
            .ToList();
        return names.Count == 0 ? null : new Regex("(\"(?:" + string.Join("|", names) + ")\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\"?)", RegexOptions.CultureInvariant);
    });

    /// <summary>Masks the string value of every secret field in JSON text, even if the text is cut off.</summary>
    public static string SecretFields(string json) =>
        SecretFieldPattern.Value is { } pattern ? pattern.Replace(json, "$1" + Mask + "$2") : json;

    /// <summary>Replaces every occurrence of each non-empty secret in <paramref name="text"/>.</summary>
    public static string Remove(string text, IEnumerable<string?> secrets)
    {
        foreach (var secret in secrets)
        {
            // Very short values (a one-letter password) would mask half of any text and reveal themselves by the gaps.
            if (!string.IsNullOrEmpty(secret) && secret!.Length >= 3)
            {
                text = text.Replace(secret, Mask);
            }
        }

        return text;
    }
}
