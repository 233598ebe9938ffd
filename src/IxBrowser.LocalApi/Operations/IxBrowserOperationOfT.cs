namespace IxBrowser.LocalApi;

/// <summary>An operation with its request type and the type of its success data.</summary>
/// <typeparam name="TRequest">The request body's model.</typeparam>
/// <typeparam name="TData">The type of <c>data</c> on success.</typeparam>
internal sealed class IxBrowserOperation<TRequest, TData> : IxBrowserOperation
    where TRequest : class
{
    public IxBrowserOperation(string id, string path, bool retrySafe, bool longRunning, IxBrowserSuccessData successData, string[] documentedErrorCodes)
        : base(id, path, retrySafe, longRunning, successData, documentedErrorCodes)
    {
    }
}
