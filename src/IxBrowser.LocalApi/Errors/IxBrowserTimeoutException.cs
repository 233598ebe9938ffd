using System;

namespace IxBrowser.LocalApi;

/// <summary>
/// The local API did not answer within the timeout. The update may or may not have been applied;
/// both operations are idempotent, so sending it again is safe.
/// </summary>
public class IxBrowserTimeoutException : IxBrowserException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that timed out.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="innerException">The cancellation raised by the timeout.</param>
    public IxBrowserTimeoutException(string operation, TimeSpan timeout, Exception? innerException)
        : base(operation, $"{operation} timed out: the ixBrowser local API did not answer within {timeout.TotalSeconds:0.###} s. ixBrowser may be busy; try again, or raise the timeout.", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
