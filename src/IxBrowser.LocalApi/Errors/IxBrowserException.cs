using System;

namespace IxBrowser.LocalApi;

/// <summary>
/// Base of every exception the client throws for a call that did not succeed (argument errors
/// excepted). Catch this type to handle all failures of the local API in one place.
/// </summary>
/// <remarks>Messages never contain proxy passwords, proxy user names or extraction URLs.</remarks>
public abstract class IxBrowserException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that failed (its operationId, for example <c>UpdateProxy</c>).</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected IxBrowserException(string operation, string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = operation;
    }

    /// <summary>The operation that failed, as named by the spec's operationId (for example <c>UpdateProxy</c>).</summary>
    public string Operation { get; }

    /// <summary>The operation's x-retry-safe, for the retry rule (<see cref="IxBrowserCallPipeline.ShouldRetry"/>).</summary>
    internal bool OperationRetrySafe { get; set; }
}
