using System;

namespace IxBrowser.LocalApi;

/// <summary>One item of a bulk run: its request, and its answer or its failure.</summary>
/// <typeparam name="TRequest">The operation's request type.</typeparam>
/// <typeparam name="TData">The operation's success data.</typeparam>
public sealed class IxBrowserBulkItem<TRequest, TData>
{
    internal IxBrowserBulkItem(int index, TRequest request)
    {
        Index = index;
        Request = request;
    }

    /// <summary>The item's position in the requests given to the run.</summary>
    public int Index { get; }

    /// <summary>The request of this item.</summary>
    public TRequest Request { get; }

    /// <summary>What happened to it.</summary>
    public IxBrowserBulkItemStatus Status { get; private set; }

    /// <summary>The answer, when <see cref="Status"/> is <see cref="IxBrowserBulkItemStatus.Succeeded"/>.</summary>
    public IxBrowserResponse<TData>? Response { get; private set; }

    /// <summary>The failure, when <see cref="Status"/> is <see cref="IxBrowserBulkItemStatus.Failed"/>: an <see cref="IxBrowserException"/>, the <see cref="ArgumentException"/> of an invalid request, or whatever else the item met (an <see cref="ObjectDisposedException"/> ends the run).</summary>
    public Exception? Exception { get; private set; }

    /// <summary>The item in one line; the request describes itself with its secrets masked.</summary>
    /// <returns>For example <c>#3 Failed: UpdateProxy failed for proxy 7: ...</c>.</returns>
    public override string ToString() => $"#{Index} {Status}: " + (Exception?.Message ?? Response?.ToString() ?? Request?.ToString());

    internal void Succeed(IxBrowserResponse<TData> response)
    {
        Response = response;
        Status = IxBrowserBulkItemStatus.Succeeded;
    }

    internal void Fail(Exception exception)
    {
        Exception = exception;
        Status = IxBrowserBulkItemStatus.Failed;
    }
}
