using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi;

/// <summary>Many requests of one operation, at the pace ixBrowser accepts, with a result per item.</summary>
public static class IxBrowserBulkExtensions
{
    /// <summary>
    /// Sends every request through <paramref name="operation"/> (for example <c>client.UpdateProxyAsync</c>)
    /// at the pace the client's gate keeps, and returns every item's outcome: one failure never
    /// loses the others' results. Any exception an item meets, foreign ones included, is that item's
    /// <see cref="IxBrowserBulkItem{TRequest, TData}.Exception"/>; the run itself does not throw
    /// for it. Cancelling stops starting new items; items already started finish and are recorded,
    /// the rest are <see cref="IxBrowserBulkItemStatus.NotSent"/>. An <see cref="ObjectDisposedException"/>
    /// (the client's HttpClient was disposed) ends the run the same way: that item is Failed with it,
    /// the items not yet started are NotSent, and every recorded outcome is returned.
    /// </summary>
    /// <typeparam name="TRequest">The operation's request type.</typeparam>
    /// <typeparam name="TData">The operation's success data.</typeparam>
    /// <param name="client">The client whose gate paces the run.</param>
    /// <param name="operation">The operation, as a method group of the client: <c>client.UpdateProxyAsync</c>.</param>
    /// <param name="requests">The requests, one per item.</param>
    /// <param name="progress">Told after each item: done, failed, total, and the current pace.</param>
    /// <param name="cancellationToken">Stops the run from starting further items.</param>
    /// <returns>Every item, in the order of <paramref name="requests"/>.</returns>
    public static async Task<IReadOnlyList<IxBrowserBulkItem<TRequest, TData>>> RunBulkAsync<TRequest, TData>(
        this IIxBrowserClient client,
        Func<TRequest, CancellationToken, Task<IxBrowserResponse<TData>>> operation,
        IEnumerable<TRequest> requests,
        IProgress<IxBrowserBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        var items = (requests ?? throw new ArgumentNullException(nameof(requests))).Select((request, index) => new IxBrowserBulkItem<TRequest, TData>(index, request)).ToList();
        var pace = (client as IxBrowserClient)?.Gate;
        var next = -1;
        var done = 0;
        var failed = 0;
        var ended = 0;

        // As many workers as the gate lets requests in flight: more would only queue at the gate,
        // where a cancelled run could not take them back.
        var workers = Enumerable.Range(0, Math.Max(1, pace?.MaxConcurrentRequests ?? 1)).Select(_ => Task.Run(async () =>
        {
            int index;
            while (!cancellationToken.IsCancellationRequested && Volatile.Read(ref ended) == 0 && (index = Interlocked.Increment(ref next)) < items.Count)
            {
                var item = items[index];
                try
                {
                    // Not the run's token: a started item finishes, so that it is either sent and recorded or not sent at all.
                    item.Succeed(await operation(item.Request, CancellationToken.None).ConfigureAwait(false));
                }
                catch (Exception exception)
                {
                    // Whatever one item meets is that item's outcome, never the run's: the others are kept.
                    item.Fail(exception);
                    Interlocked.Increment(ref failed);
                    if (EndsTheRun(exception))
                    {
                        Volatile.Write(ref ended, 1);
                    }
                }

                progress?.Report(new IxBrowserBulkProgress(Interlocked.Increment(ref done), Volatile.Read(ref failed), items.Count, pace?.Pace.CurrentRate));
            }
        }));
        await Task.WhenAll(workers).ConfigureAwait(false);
        return items;
    }

    /// <summary>
    /// A failure that every later item would meet too: the client or its HttpClient was disposed.
    /// The run then starts no further item; those stay <see cref="IxBrowserBulkItemStatus.NotSent"/>.
    /// </summary>
    private static bool EndsTheRun(Exception exception) => exception is ObjectDisposedException || exception.InnerException is ObjectDisposedException;
}
