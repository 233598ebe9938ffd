using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// A profile's own settings: create, copy, update, and a new random fingerprint (pages 02, 03, 14, 19).
/// Choices: names are unique (101004 on create, 102003 on update, as the appendix has them); tag
/// names that are not profile tags yet become new tags; the account's user name, password and 2FA
/// key are accepted and not kept, so that the simulator holds no credentials; the saved proxy and the
/// fingerprint are checked against the spec and not kept (opening uses the profile's proxy as the
/// proxy-update endpoints set it); the fingerprint's draws are counted; `cookie` (a JSON array in a string) becomes the stored
/// cookies that an open loads; preference `cookies_backup` "0" stops close from keeping the
/// browser's cookies.
/// </summary>
internal sealed class ProfileSettingsHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    // Every field is handled: most are kept; username, password, tfa_secret, proxy_config and
    // fingerprint_config are checked against the spec and then dropped (see the class summary).
    private static readonly string[] SettingsFields =
        ["site_id", "site_url", "color", "name", "note", "group_id", "tag", "username", "password", "tfa_secret", "cookie", "proxy_config", "fingerprint_config", "preference_config"];

    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(CreateProfile), CreateProfile, ("CreateProfileRequest", SettingsFields));
        registry.Add(nameof(CopyProfile), CopyProfile, ("CopyProfileRequest", ["profile_id", "site_id", "site_url", "name", "group_id"]));
        registry.Add(nameof(UpdateProfile), UpdateProfile, ("UpdateProfileRequest", ["profile_id", "new_profile_id", .. SettingsFields]));
        registry.Add(nameof(RandomizeProfileFingerprint), RandomizeProfileFingerprint, ("RandomizeProfileFingerprintRequest", ["profile_id"]));
    }

    /// <summary>profile-create: a new profile (101001 no name, 101004 name taken, 101011 platform Other without URL, 101039 unknown group). Answers its id.</summary>
    public SimulatorOutcome CreateProfile(JToken? body)
    {
        // The app's own code for a missing or blank name, before the spec's other checks (1000).
        if (((body as JObject)?["name"] as JValue)?.Value is not string name || string.IsNullOrWhiteSpace(name))
        {
            return Error(IxBrowserErrorCodes.ProfileCreateProfileNameEmpty);
        }

        if (Checked(nameof(CreateProfile), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            if (Refusal(request, otherThan: null, IxBrowserErrorCodes.ProfileCreateProfileNameAlreadyExists, IxBrowserErrorCodes.ProfileCreateGroupNotFound, IxBrowserErrorCodes.ProfileCreatePlatformUrlEmpty) is { } refused)
            {
                return refused;
            }

            var profile = Apply(new SimulatedProfile { Id = SimulatorStore.NextId(Store.Profiles), Name = (string)request["name"]! }, request);
            Store.Profiles[profile.Id] = profile;
            return Success(new JValue(profile.Id));
        }
    }

    /// <summary>profile-copy: a new profile with the original's settings and cookies (2007 unknown profile, 112005 unknown group, 112006 platform Other without URL). Answers its id.</summary>
    public SimulatorOutcome CopyProfile(JToken? body) => WithProfile(nameof(CopyProfile), body, (request, original) =>
    {
        // Choice: a copy may share its original's name (the copy page has no "name taken" code).
        if (Refusal(request, otherThan: null, nameTaken: null, IxBrowserErrorCodes.ProfileCopyGroupNotFound, IxBrowserErrorCodes.ProfileCopyPlatformUrlEmpty) is { } refused)
        {
            return refused;
        }

        var copy = Apply(original with { Id = SimulatorStore.NextId(Store.Profiles), FingerprintDraws = 0 }, request);
        Store.Profiles[copy.Id] = copy;
        if (Store.ProfileCookies.TryGetValue(original.Id, out var cookies))
        {
            Store.ProfileCookies[copy.Id] = (JArray)cookies.DeepClone();
        }

        return Success(new JValue(copy.Id));
    });

    /// <summary>profile-update: changes what is set (2007 unknown profile, 102003 name taken, 102007 new id in use, 102009 unknown group). Answers "success".</summary>
    public SimulatorOutcome UpdateProfile(JToken? body) => WithProfile(nameof(UpdateProfile), body, (request, profile) =>
    {
        var id = profile.Id;
        if (Refusal(request, otherThan: id, IxBrowserErrorCodes.ProfileUpdateProfileNameAlreadyExists, IxBrowserErrorCodes.ProfileUpdateGroupNotFound, platformUrlEmpty: null) is { } refused)
        {
            return refused;
        }

        var newId = (long?)request["new_profile_id"] ?? id;
        if (newId != id && Store.Profiles.ContainsKey(newId))
        {
            return Error(IxBrowserErrorCodes.ProfileUpdateSerialNumberAlreadyExists);
        }

        Store.Profiles.Remove(id);
        Store.Profiles[newId] = Apply(profile with { Id = newId }, request);
        if (newId != id && Store.ProfileCookies.Remove(id, out var cookies))
        {
            Store.ProfileCookies[newId] = cookies;
        }

        return Success(new JValue("success"));
    });

    /// <summary>profile-random-fingerprint-configuration: draws the profile's fingerprint again (2007 unknown profile). Answers "success".</summary>
    public SimulatorOutcome RandomizeProfileFingerprint(JToken? body) => WithProfile(nameof(RandomizeProfileFingerprint), body, (_, profile) =>
    {
        Store.Profiles[profile.Id] = profile with { FingerprintDraws = profile.FingerprintDraws + 1 };
        return Success(new JValue("success"));
    });

    /// <summary>The shared start of copy, update and random fingerprint: the spec's checks (1000), then the profile_id's profile (2007); <paramref name="act"/> runs under the lock.</summary>
    private SimulatorOutcome WithProfile(string operationId, JToken? body, System.Func<JObject, SimulatedProfile, SimulatorOutcome> act)
    {
        if (Checked(operationId, body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            return Store.Profiles.TryGetValue((long)request["profile_id"]!, out var profile) ? act(request, profile) : Error(IxBrowserErrorCodes.ProfileNotFound);
        }
    }

    /// <summary>The app's refusals shared by the three writes: a name another profile has, an unknown group, platform Other without its URL. Call under the lock.</summary>
    private SimulatorOutcome? Refusal(JObject request, long? otherThan, int? nameTaken, int groupNotFound, int? platformUrlEmpty)
    {
        if (nameTaken is { } taken && (string?)request["name"] is { } name && Store.Profiles.Values.Any(p => p.Name == name && p.Id != otherThan))
        {
            return Error(taken);
        }

        if ((long?)request["group_id"] is { } groupId && !Store.Groups.ContainsKey(groupId))
        {
            return Error(groupNotFound);
        }

        if (platformUrlEmpty is { } urlEmpty && (long?)request["site_id"] == 21 && string.IsNullOrWhiteSpace((string?)request["site_url"]))
        {
            return Error(urlEmpty);
        }

        return null;
    }

    /// <summary>The settings the request sets, over the profile's. Call under the lock.</summary>
    private SimulatedProfile Apply(SimulatedProfile profile, JObject request)
    {
        var updated = profile with
        {
            Name = (string?)request["name"] ?? profile.Name,
            Note = (string?)request["note"] ?? profile.Note,
            Color = (string?)request["color"] ?? profile.Color,
            SiteUrl = (string?)request["site_url"] ?? profile.SiteUrl,
            GroupId = (long?)request["group_id"] ?? profile.GroupId,
            CookiesBackup = (string?)request["preference_config"]?["cookies_backup"] is { } backup ? backup != "0" : profile.CookiesBackup,
        };

        if (TryReadTags(request["tag"], out var tags) && tags is not null)
        {
            updated = updated with { TagIds = tags.Select(ProfileTagId).Distinct().ToList() };
        }

        if (BrowserHandlers.ParseCookies((string?)request["cookie"]) is { Count: > 0 } cookies)
        {
            Store.ProfileCookies[updated.Id] = cookies;
        }

        return updated;
    }

    /// <summary>Choice: a tag name that is not a profile tag yet becomes one. Call under the lock.</summary>
    private long ProfileTagId(string name)
    {
        if (Store.ProfileTags.Values.FirstOrDefault(t => t.Title == name) is { } tag)
        {
            return tag.Id;
        }

        var created = new SimulatedTag(SimulatorStore.NextId(Store.ProfileTags), name);
        Store.ProfileTags[created.Id] = created;
        return created.Id;
    }
}
