using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IxBrowser.LocalApi.Automation.Tests;

/// <summary>
/// ixBrowser's stored cookies (pages 21 and 22) to and from Selenium's <see cref="OpenQA.Selenium.Cookie"/>,
/// as a sample: copy it into a Selenium project (the library does not depend on Selenium).
/// </summary>
public static class SeleniumCookieConversions
{
    /// <summary>The cookies as Selenium adds them (<c>driver.Manage().Cookies.AddCookie</c>, on a page of the cookie's domain).</summary>
    public static IReadOnlyList<OpenQA.Selenium.Cookie> ToSeleniumCookies(this IEnumerable<IxBrowserCookie> cookies) =>
        cookies.Select(cookie => new OpenQA.Selenium.Cookie(
            cookie.Name ?? string.Empty,
            cookie.Value ?? string.Empty,
            cookie.Domain,
            cookie.Path ?? "/",
            long.TryParse(cookie.ExpirationTime, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) && expires > 0 ? DateTimeOffset.FromUnixTimeSeconds(expires).UtcDateTime : null,
            cookie.Secure ?? false,
            cookie.HttpOnly ?? false,
            // SameSite=None needs Secure in Chromium; without it the browser's default applies.
            cookie.SameSite switch { "0" when cookie.Secure == true => "None", "1" => "Lax", "2" => "Strict", _ => null })).ToList();

    /// <summary>Selenium's cookies (<c>driver.Manage().Cookies.AllCookies</c>) as ixBrowser stores them, for <c>UpdateProfileCookiesAsync</c>.</summary>
    public static JsonTextList<IxBrowserCookie> ToIxBrowserCookies(this IEnumerable<OpenQA.Selenium.Cookie> cookies)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new JsonTextList<IxBrowserCookie>(cookies.Select(cookie => new IxBrowserCookie
        {
            CreationTime = now,
            Domain = cookie.Domain,
            Name = cookie.Name,
            Value = cookie.Value,
            Path = cookie.Path,
            ExpirationTime = cookie.Expiry is { } expiry ? new DateTimeOffset(expiry.ToUniversalTime()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : "0",
            LastAccessTime = now,
            Secure = cookie.Secure,
            HttpOnly = cookie.IsHttpOnly,
            SameSite = cookie.SameSite switch { "None" => "0", "Lax" => "1", "Strict" => "2", _ => "-1" },
            Priority = "1",
            SameParty = false,
            SourceScheme = cookie.Secure ? "2" : "1",
            SourcePort = cookie.Secure ? "443" : "80",
            IsHostCookie = cookie.Domain is { } domain && !domain.StartsWith('.'),
        }));
    }
}
