using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using IxBrowser.LocalApi.Serialization;
using IxBrowser.LocalApi.Validation;

namespace IxBrowser.LocalApi;

/// <summary>Walking the pages of a list operation (x-success-data kind page); the Enumerate methods are generated.</summary>
public partial class IxBrowserClient
{
    /// <summary>
    /// The one page walker of every list operation. The request is checked now, so a bad request
    /// throws at the call and not at the first MoveNextAsync; it is then copied so that the caller's
    /// object never changes.
    /// </summary>
    private IAsyncEnumerable<TItem> EnumerateAsync<TRequest, TItem>(IxBrowserOperation<TRequest, IxBrowserPage<TItem>> operation, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IPagedRequest
    {
        RequestValidator.Validate(request, operation, typeof(TRequest), "Enumerate" + (operation.Id.StartsWith("Get", StringComparison.Ordinal) ? operation.Id.Substring(3) : operation.Id) + "Async");
        var copy = WireJson.Deserialize<TRequest>(WireJson.Serialize(request))!;
        return WalkAsync(operation, copy, cancellationToken);
    }

    private async IAsyncEnumerable<TItem> WalkAsync<TRequest, TItem>(IxBrowserOperation<TRequest, IxBrowserPage<TItem>> operation, TRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRequest : class, IPagedRequest
    {
        var firstPage = request.Page ?? 1;
        long skipped = -1;
        long read = 0;
        string? previousItems = null;
        for (var page = firstPage; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            request.Page = page;
            var data = (await SendAsync(operation, request, cancellationToken).ConfigureAwait(false)).Data;
            if (data.Items.Count == 0)
            {
                yield break;
            }

            // A server that ignores the page number would otherwise be read forever.
            var items = WireJson.Serialize(data.Items);
            if (items == previousItems)
            {
                throw new IxBrowserProtocolException(
                    operation.Id,
                    string.Format(CultureInfo.InvariantCulture, "{0}: page {1} holds the same items as page {2}; the server seems to ignore the page number, so the walk stopped after {3} items instead of looping.", operation.Id, page, page - 1, read),
                    200,
                    string.Empty);
            }

            previousItems = items;
            if (skipped < 0)
            {
                // Items on the pages before the first one read, so that Total stops the walk.
                skipped = (long)(firstPage - 1) * (request.Limit ?? data.Items.Count);
            }

            foreach (var item in data.Items)
            {
                yield return item;
            }

            read += data.Items.Count;
            if (skipped + read >= data.Total)
            {
                yield break;
            }
        }
    }
}
