using System.Collections.Generic;

namespace IxBrowser.LocalApi;

/// <summary>Masking of secrets (proxy passwords, user names, extraction URLs) in text meant for people.</summary>
internal static class Redact
{
    public const string Mask = "***";

    /// <summary>Shows whether a secret is set without showing it: <c>null</c>, <c>""</c> or <c>***</c>.</summary>
    public static string Secret(string? value) => value is null ? "null" : value.Length == 0 ? "\"\"" : Mask;

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
