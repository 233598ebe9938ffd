using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>Pages 30-32 and 34-36: profile groups and tags created, renamed and deleted, with the app's codes.</summary>
public class GroupAndTagTests
{
    [Fact]
    public async Task A_group_is_created_renamed_and_deleted_and_its_profiles_move_to_the_default_group()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;

        var created = await client.CreateGroupAsync(new CreateGroupRequest { Title = "Shops", Sort = 0 });
        var taken = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.CreateGroupAsync(new CreateGroupRequest { Title = "Shops", Sort = 1 }));
        simulator.AddProfile(new SimulatedProfile { Id = 7, GroupId = created.Data });
        var renamed = await client.UpdateGroupAsync(new UpdateGroupRequest { Id = created.Data, Title = "Stores" });
        var listed = await client.GetGroupListAsync(new GetGroupListRequest { Title = "Stores" });
        var deleted = await client.DeleteGroupAsync(new DeleteGroupRequest { Id = created.Data });
        var again = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.DeleteGroupAsync(new DeleteGroupRequest { Id = created.Data }));

        Assert.Equal(170, created.Data);
        Assert.Equal(IxBrowserErrorCodes.GroupCreateGroupNameAlreadyExists, taken.Code);
        Assert.Equal(1, renamed.Data);
        Assert.Equal(created.Data, Assert.Single(listed.Data.Items).Id);
        Assert.Equal(0, deleted.Data);
        Assert.Equal(IxBrowserErrorCodes.GroupDeleteGroupNotFound, again.Code);
        Assert.Equal(1, simulator.GetProfile(7)!.GroupId);
        Assert.Equal("""{"title":"Shops","sort":0}""", simulator.ReceivedRequests.First(r => r.Path == IxBrowserClient.CreateGroupPath).RawBody);
    }

    [Fact]
    public async Task A_tag_is_created_renamed_and_deleted_and_a_tag_in_use_is_kept()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.Client;

        var created = await client.CreateTagAsync(new CreateTagRequest { Title = "vip" });
        var clash = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.UpdateTagAsync(new UpdateTagRequest { Id = created.Data, Title = "test" }));
        var renamed = await client.UpdateTagAsync(new UpdateTagRequest { Id = created.Data, Title = "gold" });
        var inUse = await Assert.ThrowsAsync<IxBrowserApiException>(() => client.DeleteTagAsync(new DeleteTagRequest { Id = 14152 }));
        var deleted = await client.DeleteTagAsync(new DeleteTagRequest { Id = created.Data });
        var tags = await client.GetTagListAsync(new GetTagListRequest());

        Assert.Equal(IxBrowserErrorCodes.TagUpdateTagNameAlreadyExists, clash.Code);
        Assert.Equal(1, renamed.Data);
        Assert.Equal(IxBrowserErrorCodes.TagInUse, inUse.Code);
        Assert.Equal(0, deleted.Data);
        Assert.Equal([169L, 14152L], tags.Data.Items.Select(t => t.Id!.Value));
        Assert.Contains("tag 14152", inUse.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blank_name_is_refused_before_sending()
    {
        using var simulator = IxBrowserSimulator.Start();

        var error = await Assert.ThrowsAsync<System.ArgumentException>(() => simulator.Client.CreateTagAsync(new CreateTagRequest { Title = "  " }));

        Assert.Contains("Title (title) must be a name that is not blank", error.Message, System.StringComparison.Ordinal);
        Assert.Empty(simulator.ReceivedRequests);
    }

    [Fact]
    public async Task A_name_that_looks_like_a_date_is_kept_as_text()
    {
        // Found by the fixture spec: the simulator read bodies with JToken.Parse, which turns
        // "2024-09-09T14:27:56Z" into a date, and then refused the request as "not a string" (1000).
        using var simulator = IxBrowserSimulator.Start();

        var created = await simulator.Client.CreateTagAsync(new CreateTagRequest { Title = "2024-09-09T14:27:56Z" });
        var tags = await simulator.Client.GetTagListAsync(new GetTagListRequest());

        Assert.Contains(tags.Data.Items, tag => tag.Id == created.Data && tag.Title == "2024-09-09T14:27:56Z");
    }
}
