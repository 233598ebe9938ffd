using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using IxBrowser.LocalApi.Internal;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi;

/// <summary>
/// Masking of secrets (proxy passwords, user names, extraction URLs, cookies) in text meant for
/// people: exception messages, excerpts of answers, logs. Two kinds of knowledge: the request's own
/// secret values, and the wire names the spec marks x-secret, whatever the JSON spells them.
/// </summary>
internal static class Redact
{
    public const string Mask = "***";

    // A short secret (a two-letter password) is masked where it stands alone, so that it does not
    // mask every word that happens to contain it.
    private const int ShortSecret = 3;

    /// <summary>Shows whether a secret is set without showing it: <c>null</c>, <c>""</c> or <c>***</c>.</summary>
    public static string Secret(string? value) => value is null ? "null" : value.Length == 0 ? "\"\"" : Mask;

    // The x-secret wire names of every model, normalised (see Normalise), so that "Proxy_Password",
    // "proxyPassword" and "proxy\u005fpassword" are all known.
    private static readonly Lazy<HashSet<string>> SecretNames = new(() => new HashSet<string>(
        typeof(Redact).Assembly.GetTypes()
            .Where(WireModel.IsModel)
            .SelectMany(WireModel.Of)
            .Where(p => p.IsSecret)
            .Select(p => Normalise(p.WireName)),
        StringComparer.Ordinal));

    /// <summary>Whether a JSON key (already unescaped) names a secret field, in any case or spelling of separators.</summary>
    public static bool IsSecretName(string key) => SecretNames.Value.Contains(Normalise(key));

    /// <summary>
    /// Everything that can show a secret in text that may be JSON (whole, cut off, or not JSON at all):
    /// the value of every secret field, whatever its type or the key's spelling, every string holding
    /// one of <paramref name="secrets"/> (compared unescaped), and then <see cref="Text"/>.
    /// </summary>
    public static string Answer(string text, IReadOnlyList<string> secrets) => Text(JsonValues(text, secrets), secrets);

    /// <summary>Replaces each of <paramref name="secrets"/> in plain text, also as JSON would escape it.</summary>
    public static string Text(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).OrderByDescending(s => s.Length))
        {
            foreach (var spelling in Spellings(secret))
            {
                text = spelling.Length >= ShortSecret
                    ? text.Replace(spelling, Mask)
                    : Regex.Replace(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(spelling) + @"(?![\p{L}\p{N}])", Mask, RegexOptions.CultureInvariant);
            }
        }

        return text;
    }

    /// <summary>The value as written, and as JSON writers escape it (Newtonsoft's default, and with "/" as "\/").</summary>
    private static IEnumerable<string> Spellings(string secret)
    {
        yield return secret;
        var escaped = JsonConvert.ToString(secret);
        escaped = escaped.Substring(1, escaped.Length - 2);
        if (escaped != secret)
        {
            yield return escaped;
        }

        var slashes = escaped.Replace("/", "\\/");
        if (slashes != escaped)
        {
            yield return slashes;
        }

        var ascii = JsonConvert.ToString(secret, '"', StringEscapeHandling.EscapeNonAscii);
        ascii = ascii.Substring(1, ascii.Length - 2);
        if (ascii != escaped)
        {
            yield return ascii;
        }
    }

    private static string JsonValues(string text, IReadOnlyList<string> secrets)
    {
        var output = new StringBuilder(text.Length);
        var maskNext = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                var end = JsonText.ScanString(text, i, out var value, out var closed);
                if (closed && JsonText.NextIsColon(text, end))
                {
                    output.Append(text, i, end - i);
                    maskNext = IsSecretName(value);
                }
                else if (maskNext || Holds(value, closed, secrets))
                {
                    output.Append('"').Append(Mask).Append(closed ? "\"" : string.Empty);
                    maskNext = false;
                }
                else
                {
                    output.Append(text, i, end - i);
                }

                i = end;
            }
            else if (maskNext && !char.IsWhiteSpace(c) && c != ':')
            {
                // A number, literal, object or array under a secret key: all of it goes.
                output.Append(Mask);
                i = JsonText.SkipValue(text, i);
                maskNext = false;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    // A string that holds a secret; one cut off by the end of the text also when its tail could be a secret's beginning.
    private static bool Holds(string value, bool closed, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            if (secret.Length >= ShortSecret ? value.Contains(secret) : value == secret || Text(value, [secret]) != value)
            {
                return true;
            }

            if (!closed && EndsWithStartOf(value, secret))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithStartOf(string value, string secret)
    {
        for (var length = Math.Min(value.Length, secret.Length); length >= Math.Min(ShortSecret, secret.Length); length--)
        {
            if (string.CompareOrdinal(value, value.Length - length, secret, 0, length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    // Lower case, letters and digits only: the spellings of one field name meet.
    private static string Normalise(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
