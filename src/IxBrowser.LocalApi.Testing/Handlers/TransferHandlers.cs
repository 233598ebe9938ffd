using System;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Transfer codes. The simulator is one account: its login password is
/// <see cref="IxBrowserSimulator.AccountPassword"/> (1012 empty, 1013 wrong). A code it creates cannot
/// be imported here (110003, "transfer to yourself"), as in the app; the docs' example code
/// 76686828-89727101 stands for another account's and imports a new profile once (then 110002).
/// Creating a code for a profile that has one answers the same code; cancelling without one is 1011.
/// </summary>
internal sealed class TransferHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    private const string Me = "si****or@ixbrowser.local";

    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(CreateProfileTransferCode), CreateProfileTransferCode, ("CreateProfileTransferCodeRequest", ["profile_id", "transfer_proxy", "transfer_proxy_mode", "transfer_note", "password"]));
        registry.Add(nameof(CancelProfileTransferCode), CancelProfileTransferCode, ("CancelProfileTransferCodeRequest", ["profile_id"]));
        registry.Add(nameof(ImportProfileTransferCode), ImportProfileTransferCode, ("ImportProfileTransferCodeRequest", ["transfer_code", "group_id", "proxy_config"]));
        registry.Add(nameof(GetProfileTransferRecordList), GetProfileTransferRecordList, ("GetProfileTransferRecordListRequest", ["type", "title", "page", "limit"]));
    }

    /// <summary>profile-transfer-code-create: a code for the profile (2007 unknown profile). Answers {transfer_code}.</summary>
    public SimulatorOutcome CreateProfileTransferCode(JToken? body)
    {
        var password = ((body as JObject)?["password"] as JValue)?.Value as string;
        if (string.IsNullOrEmpty(password))
        {
            return Error(IxBrowserErrorCodes.PasswordEmpty);
        }

        if (Checked(nameof(CreateProfileTransferCode), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        if (password != IxBrowserSimulator.AccountPassword)
        {
            return Error(IxBrowserErrorCodes.WrongPassword);
        }

        var profileId = (long)request["profile_id"]!;
        lock (Store.Gate)
        {
            if (!Store.Profiles.TryGetValue(profileId, out var profile))
            {
                return Error(IxBrowserErrorCodes.ProfileNotFound);
            }

            if (!Store.TransferCodes.TryGetValue(profileId, out var transfer))
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                var code = string.Create(CultureInfo.InvariantCulture, $"{Random.Shared.Next(10_000_000, 99_999_999)}-{Random.Shared.Next(10_000_000, 99_999_999)}");
                transfer = new SimulatedTransfer(code, (int?)request["transfer_proxy"] ?? 0, (int?)request["transfer_proxy_mode"] ?? 1, (int?)request["transfer_note"] ?? 0, now);
                Store.TransferCodes[profileId] = transfer;
                Store.TransferRecords.Add(new SimulatedTransferRecord(Store.TransferRecords.Count + 1, 1, code, profile.Name, now, 0, transfer));
            }

            return Success(new JObject { ["transfer_code"] = transfer.Code });
        }
    }

    /// <summary>profile-transfer-cancel: withdraws the profile's code (1011 when it has none). No data.</summary>
    public SimulatorOutcome CancelProfileTransferCode(JToken? body)
    {
        if (Checked(nameof(CancelProfileTransferCode), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            var profileId = (long)request["profile_id"]!;
            if (!Store.TransferCodes.Remove(profileId, out var transfer))
            {
                return Error(IxBrowserErrorCodes.OperationFailed);
            }

            Store.TransferRecords.RemoveAll(r => r.Type == 1 && r.Code == transfer.Code);
        }

        return Success(new JArray());
    }

    /// <summary>profile-transfer-code-import: a new profile from another account's code. Answers {profile_id}.</summary>
    public SimulatorOutcome ImportProfileTransferCode(JToken? body)
    {
        var code = ((body as JObject)?["transfer_code"] as JValue)?.Value as string;
        if (string.IsNullOrWhiteSpace(code))
        {
            return Error(IxBrowserErrorCodes.TransferCodeEmpty);
        }

        if (Checked(nameof(ImportProfileTransferCode), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            if (Store.TransferCodes.Values.Any(t => t.Code == code))
            {
                return Error(IxBrowserErrorCodes.TransferToYourself);
            }

            if (!Store.ForeignTransferCodes.Remove(code!, out var handedOver))
            {
                return Error(IxBrowserErrorCodes.TransferCodeWrong);
            }

            var groupId = (long?)request["group_id"] ?? 1;
            if (!Store.Groups.ContainsKey(groupId))
            {
                Store.ForeignTransferCodes[code!] = handedOver;
                return Error(IxBrowserErrorCodes.TransferCodeImportGroupNotFound);
            }

            var profile = handedOver with { Id = SimulatorStore.NextId(Store.Profiles), GroupId = groupId };
            Store.Profiles[profile.Id] = profile;
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            Store.TransferRecords.Add(new SimulatedTransferRecord(Store.TransferRecords.Count + 1, 2, code!, profile.Name, now, now, new SimulatedTransfer(code!, 0, 1, 0, now)));
            return Success(new JObject { ["profile_id"] = profile.Id });
        }
    }

    /// <summary>profile-transfer-record-list: the transfers (type 1, the default) or the receipts (type 2), newest first.</summary>
    public SimulatorOutcome GetProfileTransferRecordList(JToken? body)
    {
        if (Checked(nameof(GetProfileTransferRecordList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var type = (int?)request["type"] ?? 1;
        lock (Store.Gate)
        {
            var records = Store.TransferRecords
                .Where(r => r.Type == type && TitleMatches(request["title"], r.Name))
                .OrderByDescending(r => r.Id)
                .Select(r => new JObject
                {
                    ["id"] = r.Id,
                    ["transfer_code"] = r.Code,
                    ["transfer_proxy"] = r.Settings.TransferProxy,
                    ["transfer_proxy_mode"] = r.Settings.TransferProxyMode,
                    ["transfer_note"] = r.Settings.TransferNote,
                    ["color"] = "#CC9966",
                    ["name"] = r.Name,
                    ["note"] = string.Empty,
                    ["username"] = r.Type == 1 ? Me : "ot****er@ixbrowser.local",
                    ["reception_username"] = r.Type == 1 ? string.Empty : Me,
                    ["created_at"] = r.CreatedAt,
                    ["receipt_time"] = r.ReceiptTime,
                });
            return PageOutcome(records, request);
        }
    }
}
