using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Bulk;

/// <summary>A bulk run hands back every outcome, whatever one item meets.</summary>
public class BulkOutcomeTests
{
    [Fact]
    public async Task A_foreign_exception_is_that_items_outcome_and_the_others_are_kept()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.CreateClient();
        var requests = Enumerable.Range(0, 20).Select(i => new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "n" + i }).ToList();

        var items = await client.RunBulkAsync<UpdateProxyRequest, int>(
            (request, token) => request.Note switch
            {
                "n3" => throw new InvalidOperationException("not ours"),
                #pragma warning disable CA2201 // the very exception a huge answer caused before answers were bounded
                "n7" => Task.FromException<IxBrowserResponse<int>>(new OutOfMemoryException("a huge answer")),
#pragma warning restore CA2201
                _ => client.UpdateProxyAsync(request, token),
            },
            requests);

        Assert.Equal(20, items.Count);
        Assert.IsType<InvalidOperationException>(items[3].Exception);
        Assert.IsType<OutOfMemoryException>(items[7].Exception);
        Assert.Equal(IxBrowserBulkItemStatus.Failed, items[3].Status);
        Assert.Equal(18, items.Count(i => i.Status == IxBrowserBulkItemStatus.Succeeded));
    }

    [Fact]
    public async Task A_disposed_HttpClient_ends_the_run_and_every_recorded_outcome_comes_back()
    {
        using var simulator = IxBrowserSimulator.Start();
        var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        var client = new IxBrowserClient(http);
        var sent = 0;

        var items = await client.RunBulkAsync<UpdateProxyRequest, int>(
            async (request, token) =>
            {
                var response = await client.UpdateProxyAsync(request, token);
                if (Interlocked.Increment(ref sent) == 10)
                {
                    http.Dispose();
                }

                return response;
            },
            Enumerable.Range(0, 50).Select(i => new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "n" + i }));

        Assert.Equal(50, items.Count);
        Assert.Equal(10, items.Count(i => i.Status == IxBrowserBulkItemStatus.Succeeded));
        var ended = Assert.Single(items, i => i.Status == IxBrowserBulkItemStatus.Failed);
        Assert.IsType<ObjectDisposedException>(ended.Exception);
        Assert.Equal(10, ended.Index);
        Assert.Equal(39, items.Count(i => i.Status == IxBrowserBulkItemStatus.NotSent));
        Assert.Equal(10, simulator.ReceivedRequests.Count);
    }
}
