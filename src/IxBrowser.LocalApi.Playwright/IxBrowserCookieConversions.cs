using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Playwright;

namespace IxBrowser.LocalApi.Playwright;

/// <summary>ixBrowser's stored cookies (pages 21 and 22) to and from Playwright's cookie types.</summary>
public static class IxBrowserCookieConversions
{
    /// <summary>The cookies as Playwright adds them to a context (<c>context.AddCookiesAsync</c>).</summary>
    /// <param name="cookies">Cookies from <c>GetProfileCookiesAsync</c>.</param>
    /// <returns>Playwright cookies; a session cookie ("0") has no expiry.</returns>
    public static IReadOnlyList<Cookie> ToPlaywrightCookies(this IEnumerable<IxBrowserCookie> cookies) =>
        (cookies ?? throw new ArgumentNullException(nameof(cookies))).Select(cookie => new Cookie
        {
            Name = cookie.Name ?? string.Empty,
            Value = cookie.Value ?? string.Empty,
            Domain = cookie.Domain,
            Path = cookie.Path ?? "/",
            Secure = cookie.Secure,
            HttpOnly = cookie.HttpOnly,
            Expires = long.TryParse(cookie.ExpirationTime, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) && expires > 0 ? expires : null,
            SameSite = cookie.SameSite switch { "0" => SameSiteAttribute.None, "1" => SameSiteAttribute.Lax, "2" => SameSiteAttribute.Strict, _ => null },
        }).ToList();

    /// <summary>A context's cookies (<c>context.CookiesAsync()</c>) as ixBrowser stores them, for <c>UpdateProfileCookiesAsync</c>.</summary>
    /// <param name="cookies">Playwright's cookies.</param>
    /// <returns>The cookies in ixBrowser's format; times in Unix seconds, codes as the app spells them.</returns>
    public static JsonTextList<IxBrowserCookie> ToIxBrowserCookies(this IEnumerable<BrowserContextCookiesResult> cookies)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new JsonTextList<IxBrowserCookie>((cookies ?? throw new ArgumentNullException(nameof(cookies))).Select(cookie => new IxBrowserCookie
        {
            CreationTime = now,
            Domain = cookie.Domain,
            Name = cookie.Name,
            Value = cookie.Value,
            Path = cookie.Path,
            ExpirationTime = cookie.Expires > 0 ? ((long)cookie.Expires).ToString(CultureInfo.InvariantCulture) : "0",
            LastAccessTime = now,
            Secure = cookie.Secure,
            HttpOnly = cookie.HttpOnly,
            SameSite = cookie.SameSite switch { SameSiteAttribute.None => "0", SameSiteAttribute.Lax => "1", SameSiteAttribute.Strict => "2", _ => "-1" },
            Priority = "1",
            SameParty = false,
            SourceScheme = cookie.Secure ? "2" : "1",
            SourcePort = cookie.Secure ? "443" : "80",
            IsHostCookie = !cookie.Domain.StartsWith('.'),
        }));
    }
}
