using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>Pages 20 and 25-28: moving profiles between groups, and handing profiles over with transfer codes.</summary>
public class TransferAndGroupMoveTests
{
    [Fact]
    public async Task Profiles_move_into_a_group_in_one_call_or_not_at_all()
    {
        using var simulator = IxBrowserSimulator.Start();

        var moved = await simulator.Client.UpdateProfileGroupsInBatchesAsync(new UpdateProfileGroupsInBatchesRequest { GroupId = 169, ProfileId = [161, 1575] });
        var unknown = await Assert.ThrowsAsync<IxBrowserApiException>(() => simulator.Client.UpdateProfileGroupsInBatchesAsync(new UpdateProfileGroupsInBatchesRequest { GroupId = 1, ProfileId = [161, 999] }));

        Assert.Equal("success", moved.Data);
        Assert.Equal(169, simulator.GetProfile(161)!.GroupId);
        Assert.Equal(IxBrowserErrorCodes.ProfileNotFound, unknown.Code);
        Assert.Equal(169, simulator.GetProfile(161)!.GroupId);
        Assert.Equal("""{"group_id":169,"profile_id":[161,1575]}""", simulator.ReceivedRequests[0].RawBody);
    }

    [Fact]
    public async Task A_transfer_code_is_created_with_the_password_listed_and_withdrawn_and_its_secrets_never_show()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;

        var wrong = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.CreateProfileTransferCodeAsync(new CreateProfileTransferCodeRequest { ProfileId = 161, Password = "guess" }));
        var created = await client.CreateProfileTransferCodeAsync(new CreateProfileTransferCodeRequest { ProfileId = 161, Password = IxBrowserSimulator.AccountPassword, TransferNote = 1 });
        var records = await client.GetProfileTransferRecordListAsync(new GetProfileTransferRecordListRequest { Type = 1 });
        var toMyself = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.ImportProfileTransferCodeAsync(new ImportProfileTransferCodeRequest { TransferCode = created.Data.TransferCode! }));
        var cancelled = await client.CancelProfileTransferCodeAsync(new CancelProfileTransferCodeRequest { ProfileId = 161 });
        var again = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.CancelProfileTransferCodeAsync(new CancelProfileTransferCodeRequest { ProfileId = 161 }));

        Assert.Equal(IxBrowserErrorCodes.WrongPassword, wrong.Code);
        Assert.Matches(@"^\d{8}-\d{8}$", created.Data.TransferCode);
        Assert.Equal(created.Data.TransferCode, Assert.Single(records.Data.Items).TransferCode);
        Assert.Equal(IxBrowserErrorCodes.TransferToYourself, toMyself.Code);
        Assert.Null(cancelled.Data);
        Assert.Equal(IxBrowserErrorCodes.OperationFailed, again.Code);
        Assert.DoesNotContain(created.Data.TransferCode!, created.ToString(), System.StringComparison.Ordinal);
        Assert.DoesNotContain("guess", wrong.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain(created.Data.TransferCode!, toMyself.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_accounts_code_imports_a_new_profile_once()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;
        const string Code = "76686828-89727101";

        var imported = await client.ImportProfileTransferCodeAsync(new ImportProfileTransferCodeRequest { TransferCode = Code, GroupId = 169 });
        var used = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.ImportProfileTransferCodeAsync(new ImportProfileTransferCodeRequest { TransferCode = Code }));
        var received = await client.GetProfileTransferRecordListAsync(new GetProfileTransferRecordListRequest { Type = 2 });

        Assert.Equal(1576, imported.Data.ProfileId);
        Assert.Equal(169, simulator.GetProfile(1576)!.GroupId);
        Assert.Equal(IxBrowserErrorCodes.TransferCodeWrong, used.Code);
        Assert.Equal(Code, Assert.Single(received.Data.Items).TransferCode);
    }
}
