using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Profiles' browsers: open (a real headless Chromium), the two opened lists, reset, close and close
/// in batches. Choices, where the app's behaviour is not documented:
/// - opening an open profile answers 111003, opening one whose open is in progress 1020;
/// - without Chromium, an open answers 2011 (the app's "kernel not downloaded") with a message that
///   says how to install it; every other operation works without a browser;
/// - a browser that ended by itself counts as closed (it may open again; close answers 1009);
/// - reset ends the profile's browser if one runs, and clears a stale "open" mark;
/// - the profile's custom proxy becomes Chromium's --proxy-server (http, https, socks5); Chromium
///   cannot take proxy credentials on its command line, so they are not passed;
/// - an open loads the request's cookie (JSON text; 2006 when it is not), else the profile's stored
///   cookies, into the browser; a close with cookies_backup (true unless false) stores the browser's
///   cookies; open's load_extensions and load_profile_info_page, and the random fingerprint's
///   settings, are accepted and not simulated;
/// - clearing the cache skips a profile whose browser runs (Chromium holds its files) and an unknown
///   one; it answers the ids it cleared, 2007 when none;
/// - a deleted profile waits in the recycle bin (not in the saved state); a running one is not
///   deleted (116001).
/// </summary>
internal sealed class BrowserHandlers(SimulatorStore store, SpecRules spec, SimulatedBrowsers? browsers, SimulatorFaults? faults) : ResourceHandler(store, spec)
{
    private const string OpenedBy = "simulator@ixbrowser.local";

    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(OpenProfile), OpenProfile, ("OpenProfileRequest", ["profile_id", "args", "load_extensions", "load_profile_info_page", "cookies_backup", "cookie"]));
        registry.Add(nameof(OpenProfileWithRandomFingerprint), OpenProfileWithRandomFingerprint, ("OpenProfileWithRandomFingerprintRequest", ["profile_id", "args", "load_profile_info_page", "cookie", "proxy_config", "fingerprint_config"]));
        registry.Add(nameof(GetOpenedProfileList), GetOpenedProfileList, ("GetOpenedProfileListRequest", []));
        registry.Add(nameof(GetNativeClientOpenedProfileList), GetNativeClientOpenedProfileList, ("GetNativeClientOpenedProfileListRequest", []));
        registry.Add(nameof(ResetProfileOpenState), ResetProfileOpenState, ("ResetProfileOpenStateRequest", ["profile_id"]));
        registry.Add(nameof(CloseProfile), CloseProfile, ("CloseProfileRequest", ["profile_id"]));
        registry.Add(nameof(CloseProfilesInBatches), CloseProfilesInBatches, ("CloseProfilesInBatchesRequest", ["profile_id"]));
        registry.Add(nameof(ClearProfileCache), ClearProfileCache, ("ClearProfileCacheRequest", ["profile_id"]));
        registry.Add(nameof(ClearProfileCacheAndCookies), ClearProfileCacheAndCookies, ("ClearProfileCacheAndCookiesRequest", ["profile_id"]));
        registry.Add(nameof(DeleteProfile), DeleteProfile, ("DeleteProfileRequest", ["profile_id"]));
        registry.Add(nameof(EmptyRecycleBin), EmptyRecycleBin, ("EmptyRecycleBinRequest", []));
        registry.Add(nameof(GetProfileCookies), GetProfileCookies, ("GetProfileCookiesRequest", ["profile_id"]));
        registry.Add(nameof(UpdateProfileCookies), UpdateProfileCookies, ("UpdateProfileCookiesRequest", ["profile_id", "cookie"]));
    }

    /// <summary>profile-get-cookies: the profile's stored cookies as JSON text in a string (2007 unknown).</summary>
    public SimulatorOutcome GetProfileCookies(JToken? body)
    {
        if (Checked(nameof(GetProfileCookies), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var profileId = (long)request["profile_id"]!;
        lock (Store.Gate)
        {
            if (!Store.Profiles.ContainsKey(profileId))
            {
                return Error(IxBrowserErrorCodes.ProfileNotFound);
            }

            var cookies = Store.ProfileCookies.TryGetValue(profileId, out var stored) ? stored : new JArray();
            return Success(new JValue(cookies.ToString(Newtonsoft.Json.Formatting.None)));
        }
    }

    /// <summary>profile-update-cookies: replaces the stored cookies (2006 when the text is not a JSON array, 2007 unknown); the next open loads them. Answers "success".</summary>
    public SimulatorOutcome UpdateProfileCookies(JToken? body)
    {
        if (Checked(nameof(UpdateProfileCookies), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        if (ParseCookies((string?)request["cookie"]) is not { } cookies)
        {
            return Error(IxBrowserErrorCodes.CookieFormatIncorrect);
        }

        var profileId = (long)request["profile_id"]!;
        lock (Store.Gate)
        {
            if (!Store.Profiles.ContainsKey(profileId))
            {
                return Error(IxBrowserErrorCodes.ProfileNotFound);
            }

            Store.ProfileCookies[profileId] = cookies;
        }

        return Success(new JValue("success"));
    }

    /// <summary>Cookies as ixBrowser sends them: a JSON array in a string; null when it is not one.</summary>
    internal static JArray? ParseCookies(string? text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? new JArray() : IxBrowser.LocalApi.Serialization.WireJson.Parse(text) as JArray;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private bool ProfileBacksUpCookies(long profileId)
    {
        lock (Store.Gate)
        {
            return !Store.Profiles.TryGetValue(profileId, out var profile) || profile.CookiesBackup;
        }
    }

    /// <summary>Cookie backup at close: the browser's cookies become the profile's stored ones.</summary>
    private void SaveCookies(long profileId, BrowserProcess browser)
    {
        try
        {
            var cookies = DevToolsCookies.Read(browser.WebSocketUrl);
            lock (Store.Gate)
            {
                Store.ProfileCookies[profileId] = cookies;
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Net.WebSockets.WebSocketException or OperationCanceledException or System.IO.IOException)
        {
            // A browser that cannot be read keeps the cookies stored before.
        }
    }

    /// <summary>profile-clear-cache: empties the browser caches of each listed profile that exists and is not open; answers their ids (2007 when none).</summary>
    public SimulatorOutcome ClearProfileCache(JToken? body) => Clear(nameof(ClearProfileCache), body, cookies: false);

    /// <summary>profile-clear-cache-and-cookies: as profile-clear-cache, and the cookie stores go too.</summary>
    public SimulatorOutcome ClearProfileCacheAndCookies(JToken? body) => Clear(nameof(ClearProfileCacheAndCookies), body, cookies: true);

    /// <summary>
    /// profile-delete: moves the profile to the recycle bin (2007 unknown; 116001 while its browser
    /// runs, since the app cannot delete what it has open). No data, as the page's <c>[]</c> means.
    /// </summary>
    public SimulatorOutcome DeleteProfile(JToken? body)
    {
        if (Checked(nameof(DeleteProfile), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var profileId = (long)request["profile_id"]!;
        if (browsers?.IsOpen(profileId) == true)
        {
            return Error(IxBrowserErrorCodes.ProfileDeleteFailed);
        }

        lock (Store.Gate)
        {
            if (!Store.Profiles.Remove(profileId, out var profile))
            {
                return Error(IxBrowserErrorCodes.ProfileNotFound);
            }

            Store.RecycleBin[profileId] = profile;
        }

        return Success(new JArray());
    }

    /// <summary>empty-recycle-bin: deletes the deleted profiles for good, their browser data too; answers how many.</summary>
    public SimulatorOutcome EmptyRecycleBin(JToken? body)
    {
        if (Checked(nameof(EmptyRecycleBin), body) is null)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        long[] emptied;
        lock (Store.Gate)
        {
            emptied = Store.RecycleBin.Keys.ToArray();
            Store.RecycleBin.Clear();
        }

        foreach (var id in emptied)
        {
            browsers?.ClearData(id, cookies: true);
        }

        return Success(new JValue(emptied.Length));
    }

    private SimulatorOutcome Clear(string operationId, JToken? body, bool cookies)
    {
        if (Checked(operationId, body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var cleared = new List<long>();
        foreach (var id in request["profile_id"]!.Select(t => (long)t!).Distinct())
        {
            if (ProfileExists(id) && !Browsers.IsOpen(id))
            {
                Browsers.ClearData(id, cookies);
                cleared.Add(id);
            }
        }

        return cleared.Count == 0 ? Error(IxBrowserErrorCodes.ProfileNotFound) : Success(new JArray(cleared));
    }

    /// <summary>profile-open: starts the profile's Chromium and answers where it listens.</summary>
    public SimulatorOutcome OpenProfile(JToken? body) => Open(nameof(OpenProfile), body);

    /// <summary>profile-open-with-random-fingerprint: as profile-open (the fingerprint is not simulated).</summary>
    public SimulatorOutcome OpenProfileWithRandomFingerprint(JToken? body) => Open(nameof(OpenProfileWithRandomFingerprint), body);

    /// <summary>profile-opened-list: every profile counted as open, stale marks included.</summary>
    public SimulatorOutcome GetOpenedProfileList(JToken? body)
    {
        if (Checked(nameof(GetOpenedProfileList), body) is null)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var items = Browsers.Open().Select(open => new JObject
        {
            ["profile_id"] = open.ProfileId,
            ["last_opened_user"] = OpenedBy,
            ["last_opened_time"] = LocalTime(open.Browser?.OpenedAt ?? DateTimeOffset.Now),
        });
        return Success(new JArray(items));
    }

    /// <summary>native-client-profile-opened-list: the open profiles that have a browser, with its addresses.</summary>
    public SimulatorOutcome GetNativeClientOpenedProfileList(JToken? body)
    {
        if (Checked(nameof(GetNativeClientOpenedProfileList), body) is null)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var items = Browsers.Open().Where(open => open.Browser is not null).Select(open =>
        {
            var item = Addresses(open.ProfileId, open.Browser!);
            item["open_time"] = LocalTime(open.Browser!.OpenedAt);
            item.Remove("gateway");
            return item;
        });
        return Success(new JArray(items));
    }

    /// <summary>profile-open-state-reset: forgets that the profile is open (2007 for an unknown profile).</summary>
    public SimulatorOutcome ResetProfileOpenState(JToken? body)
    {
        if (Checked(nameof(ResetProfileOpenState), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var profileId = (long)request["profile_id"]!;
        if (!ProfileExists(profileId))
        {
            return Error(IxBrowserErrorCodes.ProfileNotFound);
        }

        Browsers.Reset(profileId);
        return Success(JValue.CreateNull());
    }

    /// <summary>profile-close: ends the profile's browser; 1009 when none runs. No data, as page 10 shows.</summary>
    public SimulatorOutcome CloseProfile(JToken? body)
    {
        if (Checked(nameof(CloseProfile), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var profileId = (long)request["profile_id"]!;
        return Browsers.Close(profileId, browser => SaveCookies(profileId, browser)) ? SimulatorOutcome.SuccessWithoutData() : Error(IxBrowserErrorCodes.ProcessNotFound);
    }

    /// <summary>profile-close-in-batches: closes each listed profile that runs, answers their ids as strings; 1009 when none ran.</summary>
    public SimulatorOutcome CloseProfilesInBatches(JToken? body)
    {
        if (Checked(nameof(CloseProfilesInBatches), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var closed = request["profile_id"]!.Select(id => long.Parse((string)id!, CultureInfo.InvariantCulture)).Distinct()
            .Where(id => Browsers.Close(id, browser => SaveCookies(id, browser))).ToList();
        return closed.Count == 0
            ? Error(IxBrowserErrorCodes.ProcessNotFound)
            : Success(new JArray(closed.Select(id => id.ToString(CultureInfo.InvariantCulture))));
    }

    private SimulatedBrowsers Browsers => browsers ?? throw new InvalidOperationException("This registry was built without browsers.");

    private SimulatorOutcome Open(string operationId, JToken? body)
    {
        if (Checked(operationId, body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var profileId = (long)request["profile_id"]!;
        if (!ProfileExists(profileId))
        {
            return Error(IxBrowserErrorCodes.ProfileNotFound);
        }

        if (Browsers.ChromiumPath is null)
        {
            return SimulatorOutcome.Error(IxBrowserErrorCodes.KernelNotDownloaded, ChromiumLocator.MissingBrowserHint);
        }

        if (ParseCookies((string?)request["cookie"]) is not { } given)
        {
            return Error(IxBrowserErrorCodes.CookieFormatIncorrect);
        }

        if (Browsers.TryBeginOpen(profileId) is { } refused)
        {
            return Error(refused);
        }

        if (faults?.TakeOpenFault() is { } injected)
        {
            Browsers.AbandonOpen(profileId);
            return Error(injected);
        }

        if (faults?.OpenDelay is { } delay && delay > TimeSpan.Zero)
        {
            Thread.Sleep(delay);
        }

        try
        {
            // The open's cookies_backup wins; without one, the profile's preference (on unless turned off).
            var browser = Browsers.CompleteOpen(profileId, Arguments(profileId, request), (bool?)request["cookies_backup"] ?? ProfileBacksUpCookies(profileId));
            LoadCookies(profileId, browser, given);
            return Success(Addresses(profileId, browser));
        }
        catch (ObjectDisposedException)
        {
            // The simulator is stopping.
            return Error(IxBrowserErrorCodes.SystemError);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or System.IO.IOException)
        {
            return SimulatorOutcome.Error(IxBrowserErrorCodes.KernelFilesMissing, "The simulator's Chromium did not start: " + exception.Message);
        }
    }

    /// <summary>The cookies the open was given, else the profile's stored ones, go into the new browser.</summary>
    private void LoadCookies(long profileId, BrowserProcess browser, JArray given)
    {
        JArray cookies;
        lock (Store.Gate)
        {
            cookies = given.Count > 0 ? given : Store.ProfileCookies.TryGetValue(profileId, out var stored) ? stored : new JArray();
        }

        try
        {
            DevToolsCookies.Load(browser.WebSocketUrl, cookies);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Net.WebSockets.WebSocketException or OperationCanceledException or System.IO.IOException)
        {
            // The browser runs without them, as the app's does when a cookie cannot be set.
        }
    }

    private JObject Addresses(long profileId, BrowserProcess browser) => new()
    {
        ["debugging_address"] = "127.0.0.1:" + browser.Port.ToString(CultureInfo.InvariantCulture),
        ["debugging_port"] = browser.Port,
        ["profile_id"] = profileId,
        ["pid"] = browser.ProcessId,
        ["ws"] = browser.WebSocketUrl,
        ["gateway"] = string.Empty,
        ["webdriver"] = Browsers.ChromeDriverPath,
    };

    private bool ProfileExists(long profileId)
    {
        lock (Store.Gate)
        {
            return Store.Profiles.ContainsKey(profileId);
        }
    }

    /// <summary>The request's switches, and the profile's custom proxy where Chromium can express it.</summary>
    private List<string> Arguments(long profileId, JObject request)
    {
        var arguments = (request["args"] as JArray)?.Select(a => (string)a!).Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToList() ?? new List<string>();
        if (ProxyServer(profileId) is { } proxy)
        {
            arguments.Add("--proxy-server=" + proxy);
        }

        return arguments;
    }

    private string? ProxyServer(long profileId)
    {
        lock (Store.Gate)
        {
            if (!Store.Profiles.TryGetValue(profileId, out var profile) || profile.ProxyMode != 2)
            {
                return null;
            }

            var (type, ip, port) = profile.CustomProxy is { } custom ? (custom.ProxyType, custom.ProxyIp, custom.ProxyPort)
                : profile.ProxyId is { } id && Store.Proxies.TryGetValue(id, out var proxy) ? (proxy.ProxyType, proxy.ProxyIp, proxy.ProxyPort)
                : (string.Empty, string.Empty, string.Empty);
            return type is "http" or "https" or "socks5" && ip.Length > 0 && port.Length > 0 ? $"{type}://{ip}:{port}" : null;
        }
    }

    /// <summary>The app's local time format, without a zone (pages 05 and 06).</summary>
    private static string LocalTime(DateTimeOffset time) => time.LocalDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
