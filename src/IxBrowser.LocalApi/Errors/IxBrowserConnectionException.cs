using System;

namespace IxBrowser.LocalApi;

/// <summary>
/// No answer could be read from the local API: nothing listens at the address (ixBrowser is not
/// running), or the connection broke. When it broke, the request may or may not have been applied;
/// the message says whether the operation is safe to send again (the spec's x-retry-safe).
/// </summary>
public class IxBrowserConnectionException : IxBrowserException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that failed.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="baseAddress">The address of the local API that was called.</param>
    /// <param name="innerException">The transport's exception.</param>
    public IxBrowserConnectionException(string operation, string message, Uri baseAddress, Exception? innerException)
        : base(operation, message, innerException)
    {
        BaseAddress = baseAddress;
    }

    /// <summary>The address of the local API that was called.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Whether the connection was refused, so that ixBrowser cannot have received the request.</summary>
    internal bool NothingSent { get; set; }

    /// <summary>Whether trying again cannot help (a failed TLS handshake): such a failure is never retried.</summary>
    internal bool Permanent { get; set; }
}
