namespace IxBrowser.LocalApi;

/// <summary>What happened to one item of a bulk run.</summary>
public enum IxBrowserBulkItemStatus
{
    /// <summary>The run was cancelled before the item was started: nothing was sent for it.</summary>
    NotSent = 0,

    /// <summary>The call succeeded; <see cref="IxBrowserBulkItem{TRequest, TData}.Response"/> holds its answer.</summary>
    Succeeded = 1,

    /// <summary>The call failed; <see cref="IxBrowserBulkItem{TRequest, TData}.Exception"/> says why.</summary>
    Failed = 2,
}
